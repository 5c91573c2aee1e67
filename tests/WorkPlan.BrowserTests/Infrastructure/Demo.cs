using WorkPlan.Infrastructure.Data.Seed;

namespace WorkPlan.BrowserTests.Infrastructure;

/// <summary>Demo accounts loaded in demo mode, or by <see cref="OwnClockFixture"/> (src/WorkPlan.Infrastructure/Data/Seed/demo-users.json).</summary>
public static class DemoAccounts
{
    public const string Password = DemoUserSeeder.Password;

    /// <summary>Director of the Xo'jaobod district centre.</summary>
    public const string XojaobodDirector = "xojaobod.direktor";

    public const string XojaobodDirectorName = "M.Mo'minova";

    /// <summary>The Xo'jaobod centre's inspector: prepares and submits its quarterly reports.</summary>
    public const string XojaobodInspector = "xojaobod.inspektor";

    public const string XojaobodInspectorName = "Xo'jaobod TAKM kadrlar bo'yicha inspektori";

    /// <summary>Head of the Xo'jaobod lending service (abonement): enters the monthly actuals of its indicators, e.g. 15 to 17.</summary>
    public const string XojaobodLendingHead = "xojaobod.abonement";

    public const string XojaobodLendingHeadName = "Abonement xizmati rahbari";

    /// <summary>Head of the bibliography service of another district centre, Asaka.</summary>
    public const string AsakaServiceHead = "asaka.bibliografiya";

    public const string AsakaServiceHeadName = "Asaka TAKM axborot-bibliografiya xizmati rahbari";

    /// <summary>Director of the Asaka district centre: edits, submits and approves (TASDIQLAYMAN) its plan.</summary>
    public const string AsakaDirector = "asaka.direktor";

    public const string AsakaDirectorName = "Asaka TAKM direktori";

    /// <summary>Director of the Andijon regional centre, parent of both districts: agrees (KELISHILDI) their plans.</summary>
    public const string AndijonDirector = "andijon.direktor";

    public const string AndijonDirectorName = "G.Ismailova";

    /// <summary>Methodologist of the Andijon regional centre: accepts or returns its districts' quarterly reports.</summary>
    public const string AndijonMethodologist = "andijon.metodist";

    public const string AndijonMethodologistName = "Andijon viloyat AKM metodisti";
}

/// <summary>Demo plans loaded in demo mode (demo-xojaobod-2022.json, demo-asaka-2022.json).</summary>
public static class DemoPlans
{
    public const int Year = 2022;

    public const string XojaobodCode = "xojaobod";

    /// <summary>The Xo'jaobod centre's name, as the regional centre's report inbox lists it.</summary>
    public const string XojaobodOrganisationName = "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazi";

    public const string XojaobodTitle = "Andijon viloyati Xo'jaobod tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi";

    /// <summary>Indicator rows of the Xo'jaobod plan: numbers 1 to 42 and their sub-rows.</summary>
    public const int XojaobodRowCount = 55;

    public const int XojaobodLastNumber = 42;

    public const string AsakaCode = "asaka";

    /// <summary>The Asaka plan is a draft (Loyiha) with three indicators, numbers 1 to 3.</summary>
    public const string AsakaTitle = "Andijon viloyati Asaka tuman axborot-kutubxona markazining 2022 yil uchun mo'ljallangan ish rejasi";
}

/// <summary>The National Library's demo accounts and what the demo tree holds for them (DemoTreeSeeder).</summary>
public static class DemoNational
{
    /// <summary>The National Library's methodologist: accepts or returns the regions' consolidated reports.</summary>
    public const string Methodologist = "milliy.metodist";

    public const string MethodologistName = "Milliy kutubxona metodisti";

    /// <summary>Namangan's consolidated report for the second quarter of 2022: sent late, waiting for the National Library.</summary>
    public const string NamanganCentre = "Namangan viloyat axborot-kutubxona markazi";

    public const string NamanganShortName = "Namangan viloyat AKM";

    /// <summary>A national indicator every region maps (books issued, the regional code K017).</summary>
    public const string IssuedCode = "M-ISSUED";
}
