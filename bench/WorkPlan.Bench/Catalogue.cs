using System.Globalization;
using WorkPlan.Core.Plans;

namespace WorkPlan.Bench;

/// <summary>One row of the national catalogue that every district plan carries (the same numbers, so they consolidate).</summary>
internal sealed record CatalogueRow(
    int Section, string Number, string? ParentNumber, string Name, string Unit, Measure Measure, RollupKind Rollup,
    decimal BaseTarget, int[] Services, string[] Mechanism, int SortOrder);

/// <summary>The 60 rows of a district plan: 5 sections of 9 top-level rows, 3 "of which" rows under the first row of each section.</summary>
internal static class Catalogue
{
    private static readonly string[] Subjects =
    [
        "Kitobxonlar soni", "Kitob berish", "Tadbirlar", "Ko'rgazmalar", "Yangi adabiyotlar", "Elektron resurslar",
        "Saytga tashriflar", "Maslahatlar", "Seminarlar", "Obuna", "Ma'lumotnomalar", "Malaka oshirish",
    ];

    public static IReadOnlyList<CatalogueRow> Build()
    {
        var rows = new List<CatalogueRow>();
        var number = 1;
        var sort = 1;
        for (var section = 0; section < 5; section++)
        {
            for (var top = 0; top < 9; top++)
            {
                var index = rows.Count;
                var parentNumber = number.ToString(CultureInfo.InvariantCulture);
                rows.Add(Row(section, parentNumber, null, index, sort++));
                if (top == 0)
                {
                    for (var sub = 1; sub <= 3; sub++)
                    {
                        rows.Add(Row(section, $"{parentNumber}.{sub}", parentNumber, rows.Count, sort++));
                    }
                }

                number++;
            }
        }

        return rows;
    }

    private static CatalogueRow Row(int section, string number, string? parent, int index, int sort)
    {
        var rollup = (index % 10) switch
        {
            3 or 7 => RollupKind.Last,
            5 => RollupKind.Max,
            _ => RollupKind.Sum,
        };
        var measure = index % 15 == 14 ? Measure.Money : Measure.Count;
        var subject = Subjects[index % Subjects.Length];
        var name = parent is null
            ? $"{subject}: {number}-ko'rsatkich bo'yicha aholiga axborot-kutubxona xizmati ko'rsatish va uni takomillashtirish"
            : $"shundan, {subject.ToLowerInvariant()} ({number})";
        var unit = measure == Measure.Money ? "so'm" : rollup == RollupKind.Sum ? "ta" : "nafar";
        var baseTarget = measure == Measure.Money ? 12_000_000m : 200 + (index * 37 % 1800);
        int[] services = index % 4 == 0 ? [index % 6, (index + 1) % 6] : [index % 6];
        string[] mechanism = ["Reja asosida tashkil etish", "Natijalarni oylik hisobotda aks ettirish"];
        return new CatalogueRow(section, number, parent, name, unit, measure, rollup, baseTarget, services, mechanism, sort);
    }
}
