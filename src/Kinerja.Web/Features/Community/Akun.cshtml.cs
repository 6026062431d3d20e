using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
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
/// My alerts and consent (change them, see their history), my data as a file, and deleting my data
/// (UU PDP 27/2022: access, withdrawal of consent, erasure).
/// </summary>
[Authorize]
public sealed class AkunModel(
    KinerjaDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, AlertWriter alerts, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class AlertsInput
    {
        [StringLength(200, ErrorMessage = "Instansi paling panjang 200 karakter")]
        public string? Organisation { get; set; }

        public MemberCategory? Category { get; set; }

        [StringLength(20, ErrorMessage = "Nomor WhatsApp terlalu panjang")]
        public string? WhatsApp { get; set; }

        public bool EmailAlerts { get; set; }

        public bool WhatsAppAlerts { get; set; }
    }

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public CommunityMember? Member { get; private set; }

    public AppUser Account { get; private set; } = null!;

    public IReadOnlyList<AlertConsent> History { get; private set; } = [];

    [BindProperty]
    public AlertsInput Input { get; set; } = new();

    string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return Challenge();
        if (Member is not null)
        {
            Input = new AlertsInput
            {
                Organisation = Member.Organisation, Category = Member.Category, WhatsApp = Member.WhatsAppNumber,
                EmailAlerts = Member.EmailAlerts, WhatsAppAlerts = Member.WhatsAppAlerts,
            };
        }
        return Page();
    }

    /// <summary>Saves profile and alert choices; a change of a channel is recorded as consent given or withdrawn.</summary>
    public async Task<IActionResult> OnPostSimpanAsync()
    {
        if (!await LoadAsync())
            return Challenge();
        var whatsApp = Membership.NormalizeWhatsApp(Input.WhatsApp);
        if (!string.IsNullOrWhiteSpace(Input.WhatsApp) && whatsApp is null)
            ModelState.AddModelError("Input.WhatsApp", t["Nomor WhatsApp tidak valid: tulis seperti 0812 3456 7890 atau +62 812 3456 7890."]);
        if (Input.WhatsAppAlerts && whatsApp is null && string.IsNullOrWhiteSpace(Input.WhatsApp))
            ModelState.AddModelError("Input.WhatsApp", t["Isi nomor WhatsApp untuk menerima pemberitahuan melalui WhatsApp."]);
        if (Member is null && string.IsNullOrWhiteSpace(Input.Organisation))
            ModelState.AddModelError("Input.Organisation", t["Instansi wajib diisi"]);
        if (!ModelState.IsValid)
            return Page();

        if (Member is null)
        {
            Member = new CommunityMember
            {
                UserId = UserId, Organisation = Input.Organisation!.Trim(), Category = Input.Category ?? MemberCategory.Lainnya,
                JoinedAt = db.Clock.GetUtcNow().UtcDateTime,
            };
            db.CommunityMembers.Add(Member);
        }
        if (!string.IsNullOrWhiteSpace(Input.Organisation))
            Member.Organisation = Input.Organisation.Trim();
        if (Input.Category is { } category)
            Member.Category = category;
        if (whatsApp != Member.WhatsAppNumber && Member.WhatsAppAlerts)
        {
            // Consent was given for the old number: a new number needs it again.
            Membership.SetAlert(db, Member, AlertChannel.WhatsApp, false, "akun", "Nomor WhatsApp diganti.");
        }
        Member.WhatsAppNumber = whatsApp;
        Membership.SetAlert(db, Member, AlertChannel.Email, Input.EmailAlerts, "akun");
        Membership.SetAlert(db, Member, AlertChannel.WhatsApp, Input.WhatsAppAlerts && whatsApp is not null, "akun");
        await db.SaveChangesAsync();
        TempData["Pesan"] = t["Pilihan pemberitahuan disimpan."].Value;
        return RedirectToPage();
    }

    /// <summary>Sends a new confirmation link for my e-mail address, at most one every 10 minutes.</summary>
    public async Task<IActionResult> OnPostKonfirmasiAsync()
    {
        if (!await LoadAsync())
            return Challenge();
        if (Account.EmailConfirmed || Account.Email is null)
            return RedirectToPage();
        // The account's earlier links, whatever address they went to: each has its own number in the key.
        var key = AlertWriter.WorkKey("", Account.Id)[1..];
        var sent = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Template == AlertTemplates.ConfirmEmail && m.IdempotencyKey.EndsWith(key))
            .Select(m => m.CreatedAt).ToListAsync();
        if (sent.Count > 0 && sent.Max() > db.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10))
        {
            ModelState.AddModelError("", t["Tautan konfirmasi baru saja dikirim; tunggu 10 menit sebelum meminta lagi."]);
            return Page();
        }

        alerts.ConfirmEmail(db, Account, await users.GenerateEmailConfirmationTokenAsync(Account), sent.Count);
        await db.SaveChangesAsync();
        TempData["Pesan"] = t["Tautan konfirmasi dikirim ke {0}.", Account.Email].Value;
        return RedirectToPage();
    }

    /// <summary>Everything the community holds about me, as JSON.</summary>
    public async Task<IActionResult> OnPostUnduhAsync()
    {
        if (!await LoadAsync())
            return Challenge();
        var comments = await db.Comments.AsNoTracking().Include(c => c.Period)
            .Where(c => c.AuthorUserId == UserId).OrderBy(c => c.PostedAt)
            .Select(c => new { periode = c.Period!.Title, c.PostedAt, c.EditedAt, status = c.Status.ToString(), c.DeletedAt, c.Body, c.PostedFrom })
            .ToListAsync();
        var flags = await db.CommentFlags.AsNoTracking().Where(f => f.UserId == UserId).Select(f => new { f.CommentId, f.Reason, f.At }).ToListAsync();
        string?[] recipients = [Account.Email, Member?.WhatsAppNumber];
        var outbox = await db.OutboxMessages.AsNoTracking()
            .Where(m => recipients.Contains(m.Recipient))
            .Select(m => new { saluran = m.Channel.ToString(), m.Template, m.CreatedAt, m.SentAt }).ToListAsync();
        var data = new
        {
            diunduh = db.Clock.GetUtcNow().UtcDateTime,
            akun = new { Account.FullName, Account.Email, Account.UserName, Account.CreatedAt },
            anggota = Member is null ? null : new
            {
                instansi = Member.Organisation, kategori = Member.Category.ToString(), whatsapp = Member.WhatsAppNumber,
                pemberitahuanEmail = Member.EmailAlerts, pemberitahuanWhatsApp = Member.WhatsAppAlerts, bergabung = Member.JoinedAt,
            },
            persetujuan = History.Select(c => new { saluran = c.Channel.ToString(), diberikan = c.Granted, waktu = c.At, kalimat = c.Wording, sumber = c.Source }),
            komentar = comments,
            laporan = flags,
            pemberitahuanTerkirim = outbox,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(data, Indented);
        return File(json, "application/json", "data-saya-masyarakat-praktisi.json");
    }

    /// <summary>
    /// Deletes the member data and, for a community-only account, the account. Comments stay as "deleted"
    /// placeholders so replies by others keep their place, but their text, name and address are erased. A work
    /// account (a hospital, Dinas or puskesmas user, a contract's worker) is the institution's to close: only its
    /// community data goes, the account stays.
    /// </summary>
    public async Task<IActionResult> OnPostHapusAsync(bool yakin)
    {
        if (!await LoadAsync())
            return Challenge();
        if (!yakin)
        {
            ModelState.AddModelError("", t["Centang kotak konfirmasi untuk menghapus data Anda."]);
            return Page();
        }
        var now = db.Clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var comment in await db.Comments.Where(c => c.AuthorUserId == UserId).ToListAsync())
        {
            comment.AuthorUserId = null;
            comment.AuthorName = "Anggota";
            comment.Body = "";
            comment.PostedFrom = null;
            comment.DeletedAt ??= now;
            comment.DeletedBy ??= "permintaan anggota";
        }
        db.CommentFlags.RemoveRange(await db.CommentFlags.Where(f => f.UserId == UserId).ToListAsync());
        var recipients = new[] { Account.Email, Member?.WhatsAppNumber }.Where(r => r is not null).ToArray();
        db.OutboxMessages.RemoveRange(await db.OutboxMessages.Where(m => m.SentAt == null && recipients.Contains(m.Recipient)).ToListAsync());
        if (Member is not null)
            db.CommunityMembers.Remove(Member);
        await db.SaveChangesAsync();
        if (!CommunityOnly)
        {
            await transaction.CommitAsync();
            TempData["Pesan"] = t["Data komunitas Anda sudah dihapus. Akun kerja Anda tetap ada; penutupannya melalui admin instansi Anda."].Value;
            return Redirect("/komunitas");
        }

        var deleted = await users.DeleteAsync(Account);
        if (!deleted.Succeeded)
            throw new InvalidOperationException(string.Join("; ", deleted.Errors.Select(e => e.Description)));
        await transaction.CommitAsync();
        await signIn.SignOutAsync();
        TempData["Pesan"] = t["Akun dan data Anda sudah dihapus. Terima kasih telah berpartisipasi."].Value;
        return Redirect("/komunitas");
    }

    /// <summary>An account made by signing up to the community: of the community institution, with community roles only.</summary>
    public bool CommunityOnly { get; private set; }

    async Task<bool> LoadAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
            return false;
        Account = account;
        Member = await db.CommunityMembers.Include(m => m.Consents).SingleOrDefaultAsync(m => m.UserId == account.Id);
        var institution = account.InstitutionId is int id ? await db.Institutions.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.Id == id) : null;
        CommunityOnly = institution?.Kind == InstitutionKind.Komunitas
                        && (await users.GetRolesAsync(account)).All(r => r is Roles.Anggota or Roles.Moderator);
        History = Member?.Consents.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToList() ?? [];
        return true;
    }
}
