using Kinerja.Data;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Admin;

/// <summary>
/// /admin/pengguna/baru creates an account, /admin/pengguna/{id} edits it, sets a new password, locks or unlocks it.
/// The rules and the audit are <see cref="Accounts"/>, shared with the CLI; this page adds only what concerns the
/// administrator themselves: they can neither lock their own account nor take their own Administrator role away,
/// so an installation never loses its last way in by a slip.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class PenggunaFormModel(
    KinerjaDb db, Accounts accounts, UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public sealed class AccountForm
    {
        public string? UserName { get; set; }

        public string? FullName { get; set; }

        public string? Email { get; set; }

        /// <summary>The institution's code; empty for an installation-wide administrator.</summary>
        public string? Institution { get; set; }

        public List<string> Roles { get; set; } = [];

        public string? StaffCode { get; set; }

        /// <summary>The initial password (new accounts only).</summary>
        public string? Password { get; set; }
    }

    [BindProperty]
    public AccountForm Input { get; set; } = new();

    /// <summary>The password the administrator sets on an existing account.</summary>
    [BindProperty]
    public string? NewPassword { get; set; }

    public bool IsNew { get; private set; }

    public bool IsSelf { get; private set; }

    public bool Locked { get; private set; }

    public bool LockedByAdministrator { get; private set; }

    public string? Title { get; private set; }

    public DateTime? CreatedAt { get; private set; }

    public IReadOnlyList<Institution> Institutions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    CancellationToken Cancel => HttpContext.RequestAborted;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        IsNew = id == "baru";
        var user = IsNew ? null : await users.FindByIdAsync(id);
        if (!IsNew && user is null)
            return NotFound();
        await LoadAsync(user, fill: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        ModelState.Clear(); // every field is text: Accounts is the one place that judges them
        var input = new AccountInput(Input.UserName, Input.FullName, Input.Email, Input.Institution, Input.Roles, Input.StaffCode);
        if (id == "baru")
        {
            IsNew = true;
            var (created, errors) = await accounts.CreateAsync(input, Input.Password, Cancel);
            if (created is null)
                return await RefuseAsync(null, errors);
            Notice = t["Akun {0} dibuat.", created.UserName!].Value;
            return Redirect($"/admin/pengguna/{created.Id}");
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        if (Self(user) && !Input.Roles.Contains(Roles.Admin))
            return await RefuseAsync(user, [], ("Input.Roles", t["Anda tidak dapat mencabut peran Administrator dari akun Anda sendiri."]));
        var updateErrors = await accounts.UpdateAsync(user, input, Cancel);
        if (updateErrors.Count > 0)
            return await RefuseAsync(user, updateErrors);
        if (Self(user))
            await signIn.RefreshSignInAsync(user); // the new security stamp would sign the administrator out
        Notice = t["Akun {0} disimpan.", user.UserName!].Value;
        return Redirect($"/admin/pengguna/{user.Id}");
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        ModelState.Clear();
        var errors = await accounts.ResetPasswordAsync(user, NewPassword, Cancel);
        if (errors.Count > 0)
            return await RefuseAsync(user, errors, prefix: "New", fill: true);
        if (Self(user))
            await signIn.RefreshSignInAsync(user);
        Notice = t["Kata sandi {0} sudah diganti. Sampaikan kata sandi baru kepada pemiliknya secara langsung.", user.UserName!].Value;
        return Redirect($"/admin/pengguna/{user.Id}");
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        if (Self(user))
            return await RefuseAsync(user, [], ("", t["Anda tidak dapat mengunci akun Anda sendiri."]), fill: true);
        await accounts.LockAsync(user, Cancel);
        Notice = t["Akun {0} dikunci: pemiliknya tidak dapat masuk sampai kuncinya dibuka.", user.UserName!].Value;
        return Redirect($"/admin/pengguna/{user.Id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return NotFound();
        await accounts.UnlockAsync(user, Cancel);
        Notice = t["Kunci akun {0} dibuka.", user.UserName!].Value;
        return Redirect($"/admin/pengguna/{user.Id}");
    }

    bool Self(AppUser user) => users.GetUserId(User) == user.Id;

    /// <summary>Shows the form again with the errors; <paramref name="fill"/> reloads the account form when another form was posted.</summary>
    async Task<IActionResult> RefuseAsync(
        AppUser? user, IReadOnlyList<FieldError> errors, (string Key, string Message)? own = null, string prefix = "Input.", bool fill = false)
    {
        AdminText.AddErrors(ModelState, errors, prefix);
        if (own is var (key, message))
            ModelState.AddModelError(key, message);
        Input.Password = null;
        NewPassword = null;
        await LoadAsync(user, fill);
        return Page();
    }

    async Task LoadAsync(AppUser? user, bool fill)
    {
        Institutions = (await db.Institutions.AsNoTracking().ToListAsync(Cancel))
            .OrderBy(i => i.Kind).ThenBy(i => i.Name, StringComparer.CurrentCulture).ToList();
        if (user is null)
            return;
        Title = user.FullName;
        IsSelf = Self(user);
        Locked = user.LockoutEnd > db.Clock.GetUtcNow();
        LockedByAdministrator = Accounts.LockedByAdministrator(user, db.Clock);
        CreatedAt = user.CreatedAt;
        if (fill)
        {
            Input = new AccountForm
            {
                UserName = user.UserName, FullName = user.FullName, Email = user.Email, StaffCode = user.StaffCode,
                Institution = Institutions.FirstOrDefault(i => i.Id == user.InstitutionId)?.Code,
                Roles = [.. await users.GetRolesAsync(user)],
            };
        }

        Input.UserName = user.UserName;
    }
}
