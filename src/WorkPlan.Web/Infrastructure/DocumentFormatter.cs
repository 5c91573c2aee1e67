using System.Globalization;
using Microsoft.Extensions.Localization;
using WorkPlan.Core.Calendar;
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

    /// <summary>A share as a percentage without needless decimals: 0.1 is "10 %", 0.125 is "12,5 %".</summary>
    public static string Share(decimal share) => string.Create(CultureInfo.CurrentCulture, $"{share * 100:0.#} %");

    /// <summary>The date line of a signature block: 2022 yil "5" yanvar, or 2022 yil "____" ________ when not signed.</summary>
    public string SignatureDate(DateOnly? date, int year) => date is { } d ? Date(d) : localizer["Date.Blank", year];

    /// <summary>A date as users write it: 2022 yil "5" yanvar.</summary>
    public string Date(DateOnly date) => Date(localizer, date);

    /// <summary>A date as users write it, in the language of <paramref name="texts"/>: 2022 yil "5" yanvar.</summary>
    public static string Date(IStringLocalizer texts, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts["Date.Signed", date.Year, date.Day, texts[$"Month.Genitive.{date.Month}"]];
    }

    /// <summary>The day of a moment in the app's clock (Uzbekistan time) as users write it: 2022 yil "5" yanvar.</summary>
    public string Date(DateTimeOffset at) => Date(LocalClock.DateOf(at));

    /// <summary>A moment in the app's clock (Uzbekistan time) as users write it: 2022 yil "5" yanvar, 14:03.</summary>
    public string DateTime(DateTimeOffset at)
    {
        var local = LocalClock.ToLocal(at);
        return string.Create(CultureInfo.InvariantCulture, $"{Date(DateOnly.FromDateTime(local.DateTime))}, {local:HH:mm}");
    }

    /// <summary>A day in a narrow table cell, as users write it there: 05.10.</summary>
    public static string DayAndMonth(DateOnly date) => date.ToString("dd.MM", CultureInfo.InvariantCulture);

    /// <summary>A month of a year on its own: "Sentyabr 2022", "Сентябрь 2022".</summary>
    public string MonthOfYear(int month, int year) => string.Create(CultureInfo.InvariantCulture, $"{MonthName(month)} {year}");

    /// <summary>
    /// A count with its noun in the right plural form: "24 показателя", "25 показателей", "1 indicator". The resource
    /// gives the forms separated by "|": Russian one|few|many, English one|other, Uzbek one form ("24 ta ko'rsatkich").
    /// </summary>
    public string Count(int count, string key)
    {
        var forms = localizer[key, Number(count)].Value.Split('|');
        return forms[Math.Min(PluralForm(count, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName), forms.Length - 1)];
    }

    /// <summary>Which plural form a count takes: Russian 0 one (1, 21), 1 few (2–4, 22–24), 2 many (5–20, 25); English 0 one, 1 other.</summary>
    internal static int PluralForm(int count, string language)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "ru" => n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? 1 : 2,
            "en" => n == 1 ? 0 : 1,
            _ => 0,
        };
    }

    /// <summary>The month's name as it follows a day number ("5 yanvar", "5 января").</summary>
    public string MonthGenitive(int month) => localizer[$"Month.Genitive.{month}"];

    /// <summary>The month's name on its own ("Yanvar", "Январь").</summary>
    public string MonthName(int month) => localizer[$"Month.{month}"];

    /// <summary>The month's short name for column heads, never ambiguous ("Iyun", "Iyul"; "Июн", "Июл"; "Jun", "Jul").</summary>
    public string MonthShortName(int month) => localizer[$"Month.Short.{month}"];
}
