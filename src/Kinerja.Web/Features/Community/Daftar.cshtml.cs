using System.ComponentModel.DataAnnotations;
using Kinerja.Data;
using Kinerja.Data.Community;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using Kinerja.Web.Features.Community.Alerts;

namespace Kinerja.Web.Features.Community;

/// <summary>
/// Open registration of an active member: an account (role Anggota, institution KOMUNITAS), the
/// member's own institution and category, and the alerts they consent to, channel by channel.
/// </summary>
[AllowAnonymous]
public sealed class DaftarModel(
    KinerjaDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, FormGuard guard, RateLimits limits,
    AlertWriter alerts, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string FormPurpose = "daftar";

    public sealed class RegisterInput
    {
        [Required(ErrorMessage = "Nama lengkap wajib diisi")]
        [StringLength(200, ErrorMessage = "Nama paling panjang 200 karakter")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "E-mail wajib diisi")]
        [EmailAddress(ErrorMessage = "Alamat e-mail tidak valid")]
        [StringLength(200, ErrorMessage = "E-mail paling panjang 200 karakter")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Instansi wajib diisi")]
        [StringLength(200, ErrorMessage = "Instansi paling panjang 200 karakter")]
        public string Organisation { get; set; } = "";

        [Required(ErrorMessage = "Pilih kategori anggota")]
        public MemberCategory? Category { get; set; }

        [StringLength(20, ErrorMessage = "Nomor WhatsApp terlalu panjang")]
        public string? WhatsApp { get; set; }

        public bool EmailAlerts { get; set; }

        public bool WhatsAppAlerts { get; set; }

        [Required(ErrorMessage = "Kata sandi wajib diisi")]
        [StringLength(100, MinimumLength = 8, ErrorMessage = "Kata sandi minimal 8 karakter")]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "Kedua kata sandi tidak sama")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public FormStamp Stamp { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
            return Redirect("/komunitas/akun");
        Stamp = guard.Issue(FormPurpose);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Stamp = guard.Issue(FormPurpose);
        // Every attempt counts, valid or not: a burst from one address is throttled before any work is done.
        if (!RateLimits.TryAcquire((limits.RegistrationByAddress, RateLimits.Address(HttpContext))))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "3600";
            ModelState.AddModelError("", t["Terlalu banyak pendaftaran dari alamat Anda. Coba lagi dalam satu jam."]);
            return Page();
        }
        if (guard.Check(Request.Form, FormPurpose, proofOfWork: true) is string spam)
        {
            ModelState.AddModelError("", spam);
            return Page();
        }
        var whatsApp = Membership.NormalizeWhatsApp(Input.WhatsApp);
        if (!string.IsNullOrWhiteSpace(Input.WhatsApp) && whatsApp is null)
            ModelState.AddModelError("Input.WhatsApp", t["Nomor WhatsApp tidak valid: tulis seperti 0812 3456 7890 atau +62 812 3456 7890."]);
        if (Input.WhatsAppAlerts && whatsApp is null && string.IsNullOrWhiteSpace(Input.WhatsApp))
            ModelState.AddModelError("Input.WhatsApp", t["Isi nomor WhatsApp untuk menerima pemberitahuan melalui WhatsApp."]);
        if (!ModelState.IsValid)
            return Page();

        var community = await db.Institutions.SingleOrDefaultAsync(i => i.Code == "KOMUNITAS");
        if (community is null)
        {
            community = new Institution { Code = "KOMUNITAS", Name = "Masyarakat Praktisi", Kind = InstitutionKind.Komunitas };
            db.Institutions.Add(community);
            await db.SaveChangesAsync();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var email = Input.Email.Trim();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            FullName = Input.FullName.Trim(),
            InstitutionId = community.Id,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError("", Describe(error));
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Anggota);
        var member = new CommunityMember
        {
            UserId = user.Id,
            Organisation = Input.Organisation.Trim(),
            Category = Input.Category!.Value,
            WhatsAppNumber = whatsApp,
            JoinedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        Membership.SetAlert(db, member, AlertChannel.Email, Input.EmailAlerts, "pendaftaran");
        Membership.SetAlert(db, member, AlertChannel.WhatsApp, Input.WhatsAppAlerts && whatsApp is not null, "pendaftaran");
        db.CommunityMembers.Add(member);
        alerts.ConfirmEmail(db, user, await users.GenerateEmailConfirmationTokenAsync(user), 0);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Pesan"] = t["Selamat bergabung di Masyarakat Praktisi. Kami mengirim tautan konfirmasi ke {0}: pemberitahuan e-mail dikirim setelah alamat itu dikonfirmasi. Anda dapat mengubah pilihan pemberitahuan di sini kapan saja.", email].Value;
        return Redirect("/komunitas/akun");
    }

    string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => t["E-mail ini sudah terdaftar. Silakan masuk, atau pakai e-mail lain."],
        "PasswordRequiresDigit" => t["Kata sandi harus berisi angka."],
        "PasswordRequiresLower" => t["Kata sandi harus berisi huruf kecil."],
        "PasswordRequiresUpper" => t["Kata sandi harus berisi huruf besar."],
        "PasswordTooShort" => t["Kata sandi minimal 8 karakter"],
        "InvalidUserName" or "InvalidEmail" => t["Alamat e-mail tidak valid"],
        _ => error.Description,
    };
}
