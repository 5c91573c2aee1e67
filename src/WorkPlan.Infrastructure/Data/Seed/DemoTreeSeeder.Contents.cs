using WorkPlan.Core.Plans;

namespace WorkPlan.Infrastructure.Data.Seed;

/// <summary>
/// What the demo tree holds: the generated regions and their districts, how each district runs its year, the centres'
/// services and the national set. The steps that seed it are in DemoTreeSeeder.cs.
/// </summary>
public sealed partial class DemoTreeSeeder
{
    /// <summary>The regions generated here: code, centre's name and short name, director, and five real districts.</summary>
    private static readonly RegionItem[] Regions =
    [
        new("namangan", "Namangan viloyat axborot-kutubxona markazi", "Namangan viloyat AKM", "Namangan viloyati", "A.Tojiboyeva",
            [new("chust", "Chust"), new("chortoq", "Chortoq"), new("kosonsoy", "Kosonsoy"), new("pop", "Pop"), new("toraqorgon", "To'raqo'rg'on")]),
        new("samarqand", "Samarqand viloyat axborot-kutubxona markazi", "Samarqand viloyat AKM", "Samarqand viloyati", "F.Ergasheva",
            [new("urgut", "Urgut"), new("bulungur", "Bulung'ur"), new("ishtixon", "Ishtixon"), new("jomboy", "Jomboy"), new("kattaqorgon", "Kattaqo'rg'on")]),
    ];

    /// <summary>
    /// How the n-th district of a region runs its year: scale of its targets, pace against them, which months are
    /// entered, and its Q1/Q2 reports (submitted on, decided how). The first is the region's pilot.
    /// </summary>
    private static readonly Profile[] Profiles =
    [
        new(1.0m, 0.05m, (_, m) => m <= 8, [new(1, new(2022, 4, 6), DemoDecision.Accept), new(2, new(2022, 7, 7), DemoDecision.Accept)]),
        new(0.8m, -0.25m, (_, m) => m <= 8, [new(1, new(2022, 4, 8), DemoDecision.Accept), new(2, new(2022, 7, 8), DemoDecision.None)]),
        new(1.3m, 0.1m, (i, m) => m <= 8 && !(m == 5 && i.Id % 2 == 0), [new(1, new(2022, 4, 18), DemoDecision.Accept), new(2, new(2022, 7, 9), DemoDecision.Return)]),
        new(0.9m, -0.1m, (_, m) => m <= 6, [new(1, new(2022, 4, 9), DemoDecision.Accept)]),
        new(1.1m, 0m, (i, m) => m <= 7 || (m == 8 && i.Id % 3 != 0), [new(1, new(2022, 4, 7), DemoDecision.Accept), new(2, new(2022, 7, 21), DemoDecision.Accept)]),
    ];

    /// <summary>The services of every generated centre, as the Xo'jaobod centre's.</summary>
    private static readonly (string Code, string Name, string ShortName)[] Services =
    [
        ("bibliography", "Axborot-bibliografiya xizmati", "Axborot-bibliografiya"),
        ("acquisition", "Fondlarni to'ldirish, saqlash va ularga ishlov berish xizmati", "Fondlar"),
        ("lending", "Abonementlarga foydalanuvchilarga xizmat ko'rsatish xizmati", "Abonement"),
        ("ict", "Axborot kommunikatsiya texnologiyalar va raqamlashtirish xizmati", "AKT"),
        ("reading-rooms", "Elektron resurslardan foydalanish va o'quv zallari xizmati", "O'quv zallari"),
        ("hr", "Kadrlar bo'yicha inspektor", "Kadrlar"),
    ];

    /// <summary>The national set: code, number, name, unit, roll-up, and the regional catalogue code each region maps to it.</summary>
    private static readonly NationalItem[] National =
    [
        new("M-USERS", "1", "Ro'yxatga olingan foydalanuvchilar", "Kishi", RollupKind.Last, "K015"),
        new("M-USERS-NEW", "1.1", "shundan yangi foydalanuvchilar", "Kishi", RollupKind.Sum, "K015.1"),
        new("M-VISITS", "2", "Kitobxonlar qatnovi", "Qatnov", RollupKind.Sum, "K016"),
        new("M-ISSUED", "3", "Foydalanuvchilarga berilgan kitoblar", "Nusxa", RollupKind.Sum, "K017"),
        new("M-EVENTS", "4", "Tadbirlar va ko'rgazmalar", "Tadbir", RollupKind.Sum, "K018"),
        new("M-ACQUIRED", "5", "Fondga kelib tushgan adabiyotlar", "Nusxa", RollupKind.Sum, "K010"),
        new("M-RECORDS", "6", "Yaratilgan bibliografik yozuvlar", "Yozuv", RollupKind.Sum, "K011"),
        new("M-DIGITISED", "7", "Raqamlashtirilgan bosma nashrlar", "Sahifa", RollupKind.Sum, "K035"),
    ];

    /// <summary>The one indicator the Samarqand region keeps its own (counted its own way, not mapped nationally).</summary>
    public const string UnmappedRegion = "samarqand";

    public const string UnmappedCode = "K035";

    private sealed record RegionItem(string Code, string Name, string ShortName, string Area, string DirectorName, IReadOnlyList<DistrictItem> Districts);

    private sealed record DistrictItem(string Code, string Name);

    private sealed record NationalItem(string Code, string Number, string Name, string Unit, RollupKind Rollup, string RegionalCode);

    private sealed record Profile(decimal Scale, decimal PaceShift, Func<Indicator, int, bool> Entered, IReadOnlyList<Report> Reports);

    private sealed record Report(int Quarter, DateOnly Submitted, DemoDecision Decision);
}
