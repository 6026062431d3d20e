using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Kinerja.Web.Infrastructure;

/// <summary>
/// Every validation and model-binding message in the user's language. ASP.NET Core's own messages are English
/// ("The value '' is invalid."); these are Indonesian, translated back to English by the resx like every other text.
/// A validation attribute written without its own message gets the Indonesian default of its kind.
/// </summary>
sealed class ValidationMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>, IValidationMetadataProvider
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueIsInvalidAccessor(v => t["Nilai \"{0}\" tidak valid.", v]);
        m.SetValueMustNotBeNullAccessor(v => string.IsNullOrEmpty(v) ? t["Isian wajib diisi."] : t["Nilai \"{0}\" tidak valid.", v]);
        m.SetAttemptedValueIsInvalidAccessor((v, field) => t["Nilai \"{0}\" tidak valid untuk {1}.", v, field]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["Nilai \"{0}\" tidak valid.", v]);
        m.SetUnknownValueIsInvalidAccessor(field => t["Nilai untuk {0} tidak valid.", field]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Nilai yang diisikan tidak valid."]);
        m.SetValueMustBeANumberAccessor(field => t["{0} harus berupa angka.", field]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Isian harus berupa angka."]);
        m.SetMissingBindRequiredValueAccessor(field => t["{0} wajib diisi.", field]);
        m.SetMissingKeyOrValueAccessor(() => t["Isian wajib diisi."]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["Isian wajib diisi."]);
        options.ModelMetadataDetailsProviders.Add(this);
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
                continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "{0} wajib diisi.",
                StringLengthAttribute { MinimumLength: > 0 } => "{0} harus {2} sampai {1} karakter.",
                StringLengthAttribute or MaxLengthAttribute => "{0} paling banyak {1} karakter.",
                RangeAttribute => "{0} harus antara {1} dan {2}.",
                EmailAddressAttribute => "{0} bukan alamat e-mail yang benar.",
                _ => null,
            };
        }
    }
}
