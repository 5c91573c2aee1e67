using WorkPlan.Core.Administration;
using WorkPlan.Core.Common;
using WorkPlan.Core.Plans;

namespace WorkPlan.UnitTests.Common;

public class VisibleTextTests
{
    public static TheoryData<string> HiddenCharacters => new()
    {
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", // embeddings and overrides
        "\u2066", "\u2067", "\u2068", "\u2069", // isolates
        "\u200E", "\u200F", "\u061C", // direction marks
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", // zero-width
        "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", // controls
        "\u2028", "\u2029", // line and paragraph separators
        "\u3164", "\u115F", "\uFE0F", "\u034F", // fillers that look like nothing
        "\uE000", // private use
        "\U000E0041", // a tag letter (format, outside the basic plane)
    };

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void RefusesANameHoldingTheCharacter_AndNamesIt(string hidden)
    {
        var name = "Aliyev" + hidden + " Vali";

        var errors = FieldLimits.Check(name, FieldLimits.PersonName, "FullName", TextKind.Line).ToList();

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new ValidationError("FullName", VisibleText.HiddenCharacter, VisibleText.CodePoint(name, 6)));
        ((string)errors[0].Arguments[0]).Should().StartWith("U+");
    }

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void RefusesFreeTextHoldingTheCharacter(string hidden)
    {
        var reason = "Sababi:\n" + hidden + "kechikdi";

        VisibleText.FindHidden(reason, TextKind.Lines).Should().Be(8);
    }

    [Fact]
    public void NamesTheOverrideThatWouldSpoofAName()
    {
        VisibleText.Check("Direktor \u202Evonaliy", TextKind.Line, "Name").Single().Arguments.Should().Equal("U+202E");
        VisibleText.Check("K\U000E0041", TextKind.Line, "Name").Single().Arguments.Should().Equal("U+E0041");
    }

    [Fact]
    public void RefusesALoneSurrogate()
    {
        // Not in the theory's data: a lone surrogate does not survive the test runner's serialisation.
        VisibleText.FindHidden("Vali\uD800 Aliyev", TextKind.Line).Should().Be(4);
        VisibleText.FindHidden("Vali \uDC00", TextKind.Lines).Should().Be(5);
        VisibleText.FindHidden("Vali \U0001F4DA", TextKind.Line).Should().Be(-1, "a character outside the basic plane that shows is allowed");
    }

    [Theory]
    [InlineData("Oʻzbekiston Respublikasi Axborot-kutubxona markazi")] // U+02BB
    [InlineData("Gʼulomov Gʼayrat")] // U+02BC
    [InlineData("O’rinboyeva Go’zal")] // U+2019
    [InlineData("O'rinboyeva G'ozal")]
    [InlineData("Xo`jaobod tuman AKM")]
    [InlineData("Ахборот-кутубхона маркази директори Ғуломов Ўткир")]
    [InlineData("Информационно-библиотечный центр «Ёшлик» № 5")]
    [InlineData("11\u00A0340 nusxa — 85,3 %")]
    [InlineData("")]
    public void AllowsUzbekRussianAndEnglishText_OnOneLine(string text)
    {
        VisibleText.FindHidden(text, TextKind.Line).Should().Be(-1);
        FieldLimits.Check(text, FieldLimits.Name, "Name", TextKind.Line).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Birinchi qator\nIkkinchi qator")]
    [InlineData("Birinchi qator\r\nikkinchi\tqator")]
    public void AllowsLineBreaksAndTabs_InFreeTextOnly(string text)
    {
        VisibleText.FindHidden(text, TextKind.Lines).Should().Be(-1);
        VisibleText.FindHidden(text, TextKind.Line).Should().BePositive("a name is one line");
    }

    [Fact]
    public void SaysTooLongFirst_WhenATextIsBothTooLongAndHidden()
    {
        var errors = FieldLimits.Check(new string('a', 20) + "\u202E", 16, "Label", TextKind.Line).ToList();

        errors.Should().ContainSingle().Which.MessageKey.Should().Be(FieldLimits.Messages.TooLong);
    }

    [Fact]
    public void DropsOnlyZeroWidthCharacters_WhenCleaningAnImportedCell()
    {
        VisibleText.WithoutZeroWidth("\uFEFFKitob\u200Bxona\u00AD fondi\u2060").Should().Be("Kitobxona fondi");
        VisibleText.WithoutZeroWidth("Vali \u202Evonaliy").Should().Be("Vali \u202Evonaliy", "a direction control is reported, not dropped");
        VisibleText.WithoutZeroWidth("Oʻzbek").Should().BeSameAs("Oʻzbek");
    }

    [Fact]
    public void ChecksEveryTextOfAPlanRowAndASection()
    {
        PlanRules.CheckIndicatorText("1\u200B", "Ko'rsatkich", "Dona", null, null).Single().Field.Should().Be("Number");
        PlanRules.CheckIndicatorText("1", "Ko'rsatkich\u2067", "Dona", null, null).Single().Field.Should().Be("Name");
        PlanRules.CheckIndicatorText("1", "Ko'rsatkich", "Do\u200Dna", null, null).Single().Field.Should().Be("Unit");
        PlanRules.CheckIndicatorText("1", "Ko'rsatkich", "Dona", "Yil\u202Edavomida", null).Single().Field.Should().Be("Deadline");
        PlanRules.CheckIndicatorText("1", "Ko'rsatkich", "Dona", null, ["Birinchi", "Ikki\uFEFFnchi"]).Single().Field.Should().Be("Mechanism");
        PlanRules.CheckIndicatorText("1", "Ko'rsatkich\nnomi", "Dona", null, ["Birinchi", "Ikkinchi"]).Should().BeEmpty();
        PlanRules.CheckSectionText("I\u200E", "Bo'lim").Single().Field.Should().Be("Label");
        PlanRules.CheckSectionText("I", "Bo'lim\nnomi").Single().Field.Should().Be("Title", "a section title is one line");
    }

    [Fact]
    public void ChecksAPersonsNameAndPosition()
    {
        UserRules.CheckNames("Aliyev\u202E Vali", "Direktor").Single().Field.Should().Be("FullName");
        UserRules.CheckNames("Aliyev Vali", "Direk\u200Btor").Single().Field.Should().Be("Position");
        UserRules.CheckNames("Gʻulomova Oʻg'iloy", "Bosh metodist").Should().BeEmpty();
    }
}
