using WorkPlan.Core.Catalogue;

namespace WorkPlan.UnitTests.Catalogue;

public sealed class NationalSuggestionsTests
{
    private static readonly (string Code, string Number, string Name)[] National =
    [
        ("N010", "10", "Kutubxona fondini yangi adabiyotlar bilan to'ldirish"),
        ("N010.1", "10.1", "shundan, o'zbek tilidagi adabiyotlar"),
        ("N016", "16", "Foydalanuvchilarga kitob berish"),
        ("N027", "27", "Elektron katalog yaratish"),
    ];

    [Theory]
    [InlineData("'")]
    [InlineData("ʻ")]
    [InlineData("’")]
    [InlineData("ʼ")]
    [InlineData("`")]
    public void FindsTheSameName_WhicheverApostropheItIsWrittenWith(string apostrophe) =>
        NationalSuggestions.For("40", $"Kutubxona fondini yangi adabiyotlar bilan to{apostrophe}ldirish", National)
            .Should().Equal(new NationalSuggestion("N010", false, true));

    [Fact]
    public void FindsTheSameName_WhateverItsCaseAndSpacing() =>
        NationalSuggestions.For("50", "  SHUNDAN,   Oʻzbek   tilidagi adabiyotlar ", National).Should().Equal(new NationalSuggestion("N010.1", false, true));

    [Fact]
    public void OffersOneCodeOnce_WhenItsNumberAndNameBothMatch() =>
        NationalSuggestions.For("16.", "Foydalanuvchilarga kitob berish", National).Should().Equal(new NationalSuggestion("N016", true, true));

    [Fact]
    public void OffersTheSameNumberAndTheSameName_WhenTheyAreTwoIndicators() =>
        NationalSuggestions.For("27", "Foydalanuvchilarga kitob berish", National)
            .Should().Equal(new NationalSuggestion("N016", false, true), new NationalSuggestion("N027", true, false));

    [Fact]
    public void OffersASimilarName_UnderAnotherNumber() =>
        NationalSuggestions.For("31", "Elektron katalogni yaratish", National).Should().Equal(new NationalSuggestion("N027", false, true));

    [Fact]
    public void OffersNothing_ForAnIndicatorUnlikeAnyNationalOne() =>
        NationalSuggestions.For("43", "Mahalla kutubxonachilari uchun seminar", National).Should().BeEmpty();
}
