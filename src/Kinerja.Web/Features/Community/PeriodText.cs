using System.Globalization;
using Kinerja.Data.Community;

namespace Kinerja.Web.Features.Community;

/// <summary>How a period's dates read: "23 Juni - 12 Juli 2015", as the original archive wrote them.</summary>
public static class PeriodText
{
    static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Dates(DiscussionPeriod p)
    {
        if (!string.IsNullOrWhiteSpace(p.DateLabel))
            return p.DateLabel;
        var culture = Infrastructure.Format.English ? CultureInfo.CurrentUICulture : Indonesian;
        var end = p.EndsOn.ToString("d MMMM yyyy", culture);
        var start = p.StartsOn.Year == p.EndsOn.Year ? p.StartsOn.ToString("d MMMM", culture) : p.StartsOn.ToString("d MMMM yyyy", culture);
        return $"{start} - {end}";
    }

    /// <summary>"Arsip Diskusi I (23 Juni - 12 Juli 2015)".</summary>
    public static string TitleWithDates(DiscussionPeriod p) => $"{p.Title} ({Dates(p)})";
}
