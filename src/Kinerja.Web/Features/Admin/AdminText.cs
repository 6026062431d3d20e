using Kinerja.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kinerja.Web.Features.Admin;

/// <summary>What the administration pages share: the names of institution kinds, and the shared rules' errors on the form.</summary>
public static class AdminText
{
    /// <summary>The Indonesian name of a kind; the page translates it.</summary>
    public static string KindLabel(InstitutionKind kind) => kind switch
    {
        InstitutionKind.RumahSakit => "Rumah Sakit",
        InstitutionKind.DinasKesehatan => "Dinas Kesehatan",
        InstitutionKind.Puskesmas => "Puskesmas",
        _ => "Komunitas",
    };

    /// <summary>
    /// Puts the errors of <see cref="InstitutionRules"/> and <see cref="Data.Identity.Accounts"/> (bilingual, because the
    /// CLI says them too) under the form's field names, in the user's language. A field shows only its first error, so
    /// the several problems of one field (a password's) are joined into one.
    /// </summary>
    public static void AddErrors(ModelStateDictionary state, IEnumerable<FieldError> errors, string prefix = "Input.")
    {
        foreach (var field in errors.GroupBy(e => e.Field))
        {
            var key = field.Key.Length == 0 ? "" : prefix + field.Key;
            state.AddModelError(key, string.Join(" ", field.Select(e => e.Message(Infrastructure.Format.English))));
        }
    }
}
