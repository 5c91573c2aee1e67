using WorkPlan.Core.Catalogue;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Catalogue;

public sealed class TemplateRulesTests
{
    private static readonly (string Code, string Number, string Name)[] Catalogue =
    [
        ("K010", "10", "Kutubxona fondini yangi adabiyotlar bilan to'ldirish"),
        ("K010.1", "10.1", "shundan, o'zbek tilidagi adabiyotlar"),
        ("K016", "16", "Foydalanuvchilarga kitob berish"),
        ("K027", "27", "Elektron katalog yaratish"),
    ];

    [Theory]
    [InlineData("10", "Kutubxona fondini yangi adabiyotlar bilan to'ldirish", "K010")]
    [InlineData("12", "Foydalanuvchilarga kitob berish", "K016")]
    [InlineData("16", "Foydalanuvchilarga kitob berish (abonement)", "K016")]
    [InlineData("27", "Elektron katalogni yaratish va yuritish", "K027")]
    public void SuggestsTheRowWithTheSameNumberOrASimilarName(string number, string name, string expected) =>
        TemplateRules.Suggest(number, name, Catalogue).Should().Be(expected);

    [Fact]
    public void TreatsEveryApostropheOfOAndGAsTheSameLetter() =>
        TemplateRules.Suggest("40", "Kutubxona fondini yangi adabiyotlar bilan toʻldirish", Catalogue).Should().Be("K010");

    [Fact]
    public void SuggestsNothingForARowUnlikeAnyInTheCatalogue() =>
        TemplateRules.Suggest("43", "Mahalla kutubxonachilari uchun seminar", Catalogue).Should().BeNull();

    [Fact]
    public void DoesNotSuggestACodeAlreadyTakenByAnotherRow() =>
        TemplateRules.Suggest("16", "Foydalanuvchilarga kitob berish", Catalogue, new HashSet<string> { "K016" }).Should().BeNull();

    [Theory]
    [InlineData("10", "K010")]
    [InlineData("10.1", "K010.1")]
    [InlineData("2", "K002")]
    [InlineData("42.2", "K042.2")]
    public void GivesARowBuiltFromAPlanACodeFromItsNumber(string number, string code) =>
        TemplateRules.CodeFor(number).Should().Be(code);

    [Theory]
    [InlineData("K010.1", true)]
    [InlineData("ab-1", true)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("K 10", false)]
    [InlineData("=cmd", false)]
    [InlineData("K0123456789012345678901", false)]
    public void AcceptsOnlyShortCodesOfLettersDigitsDotsAndDashes(string code, bool valid) =>
        TemplateRules.IsValidCode(code).Should().Be(valid);

    [Fact]
    public void KeepsCodesUniqueAndFreezesThemOncePublished()
    {
        var template = new RegionalTemplate(1);
        var item = template.Add("k010", Definition("I", "10"));

        var twice = () => template.Add("K010", Definition("I", "11"));
        template.Publish("andijon.metodist", DateTimeOffset.UnixEpoch);
        var rename = () => item.Update("K099", Definition("I", "10"));
        item.Update("K010", Definition("I", "10") with { Name = "Yangi nom" });

        item.Code.Should().Be("K010");
        twice.Should().Throw<InvalidOperationException>();
        rename.Should().Throw<InvalidOperationException>();
        item.Name.Should().Be("Yangi nom", "a published row's words may still change");
    }

    [Fact]
    public void PlacesAnOfWhichRowUnderItsParent_InTheParentsSection()
    {
        var template = new RegionalTemplate(1);
        var first = template.Add("K001", Definition("I", "1"));
        template.Add("K002", Definition("II", "2"));
        var child = template.Add("K001.1", Definition("II", "1.1"), first);

        child.SectionLabel.Should().Be("I");
        template.Items.OrderBy(i => i.SortOrder).Select(i => i.Code).Should().Equal("K001", "K001.1", "K002");
    }

    private static TemplateItemDefinition Definition(string section, string number) =>
        new(section, $"Bo'lim {section}", number, $"Ko'rsatkich {number}", "Dona", Measure.Count, RollupKind.Sum, [], DueSchedule.DuringYear(), false, []);
}
