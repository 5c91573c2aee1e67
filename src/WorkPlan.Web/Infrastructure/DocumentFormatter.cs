using System.Globalization;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Plans;

namespace WorkPlan.Web.Infrastructure;

/// <summary>Numbers and dates the way users write them in the current language.</summary>
public sealed class DocumentFormatter(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>What a missing value prints as: "-", which is not 0.</summary>
    public const string NoValue = "-";

    /// <summary>"11 340"; so'm with two decimals only when they are not zero; "-" for no value.</summary>
    public static string Number(decimal? value, Measure measure = Measure.Count)
    {
        if (value is not { } v)
        {
            return NoValue;
        }

        var format = measure == Measure.Money && decimal.Truncate(v) != v ? "N2" : "N0";
        return v.ToString(format, CultureInfo.CurrentCulture);
    }

    /// <summary>A long name cut for a drop-down list: its first <paramref name="length"/> characters and "…".</summary>
    public static string Shorten(string text, int length = 100)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > length ? string.Concat(text.AsSpan(0, length), "…") : text;
    }

    /// <summary>A percentage with one decimal: "85,3 %".</summary>
    public static string Percent(decimal? value) =>
        value is { } v ? string.Create(CultureInfo.CurrentCulture, $"{v:N1} %") : NoValue;

    /// <summary>The date line of a signature block: 2022 yil "5" yanvar, or 2022 yil "____" ________ when not signed.</summary>
    public string SignatureDate(DateOnly? date, int year) => date is { } d
        ? localizer["Date.Signed", d.Year, d.Day, MonthGenitive(d.Month)]
        : localizer["Date.Blank", year];

    /// <summary>The month's name as it follows a day number ("5 yanvar", "5 января").</summary>
    public string MonthGenitive(int month) => localizer[$"Month.Genitive.{month}"];

    /// <summary>The month's name on its own ("Yanvar", "Январь").</summary>
    public string MonthName(int month) => localizer[$"Month.{month}"];

    /// <summary>The month's short name for column heads, never ambiguous ("Iyun", "Iyul"; "Июн", "Июл"; "Jun", "Jul").</summary>
    public string MonthShortName(int month) => localizer[$"Month.Short.{month}"];
}
