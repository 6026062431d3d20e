using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Kinerja.Data.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Data.Identity;

/// <summary>An account as an administrator types it (admin page or <c>kinerja user add</c>); the institution by its code.</summary>
public sealed record AccountInput(
    string? UserName, string? FullName, string? Email, string? Institution, IReadOnlyList<string> Roles, string? StaffCode = null);

/// <summary>
/// Creating and changing accounts, one place for the admin pages and the CLI. Each change runs in one transaction with
/// its audit entry: Identity's tables are not <see cref="IAudited"/> because their rows hold the password hash and the
/// security stamp, which never go into the audit trail, so the entry is written here, naming the account, what it
/// was and what it became. A change of institution, roles or staff code, a lock and a new password renew the security
/// stamp, so the cookie the user already holds (and its institution claims) stops working at its next validation.
/// </summary>
public sealed class Accounts(KinerjaDb db, UserManager<AppUser> users)
{
    /// <summary>The Identity rules of the installation, for the web app and the CLI alike.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Password.RequiredLength = 8;
        options.Password.RequireNonAlphanumeric = false;
        options.User.RequireUniqueEmail = true;
    }

    /// <summary>Whether an administrator locked the account (a lock after failed sign-ins lasts minutes, this one for good).</summary>
    public static bool LockedByAdministrator(AppUser user, TimeProvider clock) =>
        user.LockoutEnd is { } end && end > clock.GetUtcNow().AddYears(1);

    public async Task<(AppUser? User, IReadOnlyList<FieldError> Errors)> CreateAsync(
        AccountInput input, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var userName = errors.Text("UserName", "Nama pengguna", "User name", input.UserName, 256, required: true);
        if (userName is not null && userName.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
            errors.Add("UserName", "Nama pengguna hanya boleh berisi huruf, angka dan - . _ @ +, tanpa spasi.",
                "The user name may contain only letters, digits and - . _ @ +, no spaces.");
        else if (userName is not null && await users.FindByNameAsync(userName) is not null)
            errors.Add("UserName", $"Nama pengguna {userName} sudah dipakai.", $"The user name {userName} is already taken.");

        var user = new AppUser { UserName = userName, FullName = "", CreatedAt = db.Clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        var state = await CheckAsync(errors, user, input, cancellationToken);
        await CheckPasswordAsync(errors, user, password);
        if (!errors.Ok)
            return (null, errors.List);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        state.CopyTo(user);
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
            return (null, Describe(created));
        await EnsureRolesAsync(cancellationToken);
        await users.AddToRolesAsync(user, state.Roles);
        await AuditAsync(user, "Added", before: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (user, []);
    }

    /// <summary>Changes full name, e-mail, institution, roles and staff code; the user name stays.</summary>
    public async Task<IReadOnlyList<FieldError>> UpdateAsync(AppUser user, AccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var state = await CheckAsync(errors, user, input, cancellationToken);
        if (!errors.Ok)
            return errors.List;

        var before = await SnapshotAsync(user);
        var roles = await users.GetRolesAsync(user);
        var claimsChange = user.InstitutionId != state.Institution?.Id || user.StaffCode != state.StaffCode
            || !roles.Order().SequenceEqual(state.Roles.Order());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        state.CopyTo(user);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return Describe(updated);
        await EnsureRolesAsync(cancellationToken);
        await users.RemoveFromRolesAsync(user, roles.Except(state.Roles));
        await users.AddToRolesAsync(user, state.Roles.Except(roles));
        if (claimsChange)
            await users.UpdateSecurityStampAsync(user);
        await AuditAsync(user, "Modified", before, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Sets a new password chosen by the administrator; the user's open sessions end.</summary>
    public async Task<IReadOnlyList<FieldError>> ResetPasswordAsync(AppUser user, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new FieldErrors();
        await CheckPasswordAsync(errors, user, password);
        if (!errors.Ok)
            return errors.List;

        var before = await SnapshotAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(user, "PasswordReset", before, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Locks the account for good (until unlocked): sign-in is refused and open sessions end.</summary>
    public async Task LockAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var before = await SnapshotAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(user, "Locked", before, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Unlocks the account, whether an administrator or failed sign-ins locked it.</summary>
    public async Task UnlockAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var before = await SnapshotAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(user, "Unlocked", before, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The checked values of an input, copied into the user only when every field is right.</summary>
    sealed record State(string FullName, string Email, Institution? Institution, List<string> Roles, string? StaffCode)
    {
        /// <summary>An address the administrator enters is the institution's own record of it: confirmed (work alerts need that).</summary>
        public void CopyTo(AppUser user)
        {
            (user.FullName, user.Email, user.InstitutionId, user.StaffCode) = (FullName, Email, Institution?.Id, StaffCode);
            user.EmailConfirmed = true;
        }
    }

    async Task<State> CheckAsync(FieldErrors errors, AppUser user, AccountInput input, CancellationToken cancellationToken)
    {
        var fullName = errors.Text("FullName", "Nama lengkap", "Full name", input.FullName, 200, required: true);
        var email = errors.Text("Email", "E-mail", "E-mail", input.Email, 256, required: true);
        if (email is not null && !new EmailAddressAttribute().IsValid(email))
            errors.Add("Email", $"E-mail {email} tidak valid.", $"The e-mail {email} is not valid.");
        else if (email is not null && await users.FindByEmailAsync(email) is { } other && other.Id != user.Id)
            errors.Add("Email", $"E-mail {email} sudah dipakai akun {other.UserName}.", $"The e-mail {email} is already used by the account {other.UserName}.");

        var roles = input.Roles.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in roles.Where(r => !Roles.All.Contains(r)))
            errors.Add("Roles", $"Peran {unknown} tidak dikenal; pilih dari {string.Join(", ", Roles.All)}.",
                $"Unknown role {unknown}; choose from {string.Join(", ", Roles.All)}.");
        if (roles.Count == 0)
            errors.Add("Roles", "Pilih paling sedikit satu peran.", "Choose at least one role.");

        var code = errors.Text("Institution", "Institusi", "Institution", input.Institution, 40);
        Institution? institution = null;
        if (code is null && roles.Count > 0 && !roles.Contains(Roles.Admin))
            errors.Add("Institution", "Institusi wajib diisi; hanya Administrator yang boleh tanpa institusi (seluruh instalasi).",
                "The institution is required; only an Administrator may have none (the whole installation).");
        else if (code is not null)
        {
            var upper = code.ToUpperInvariant();
            institution = await db.Institutions.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Code.ToUpper() == upper, cancellationToken);
            if (institution is null)
                errors.Add("Institution", $"Institusi {code} tidak ada.", $"There is no institution {code}.");
        }

        var staffCode = errors.Text("StaffCode", "Kode pegawai", "Staff code", input.StaffCode, 40);
        if (staffCode is null && roles.Contains(Roles.Pegawai))
            errors.Add("StaffCode", "Kode pegawai wajib diisi untuk peran Pegawai: slipnya dicari dengan kode ini.",
                "A Pegawai needs a staff code: their pay slip is found by it.");
        else if (staffCode is not null && institution is not null && institution.Kind != InstitutionKind.RumahSakit)
            errors.Add("StaffCode", $"Kode pegawai hanya untuk akun rumah sakit; {institution.Name} bukan rumah sakit.",
                $"Only a hospital's account has a staff code; {institution.Name} is not a hospital.");
        else if (staffCode is not null && institution is not null)
        {
            if (!await db.Staff.IgnoreQueryFilters().AnyAsync(s => s.InstitutionId == institution.Id && s.Code == staffCode, cancellationToken))
                errors.Add("StaffCode", $"Kode pegawai {staffCode} tidak ada di data pegawai {institution.Name}.",
                    $"The staff code {staffCode} is not in the staff of {institution.Name}.");
            else if (await db.Users.Where(u => u.Id != user.Id && u.InstitutionId == institution.Id && u.StaffCode == staffCode)
                         .Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken) is { } holder)
                errors.Add("StaffCode", $"Kode pegawai {staffCode} sudah dipakai akun {holder}.",
                    $"The staff code {staffCode} is already used by the account {holder}.");
        }
        else if (staffCode is not null && code is null)
            errors.Add("StaffCode", "Kode pegawai hanya untuk akun rumah sakit: pilih rumah sakitnya.",
                "Only a hospital's account has a staff code: choose the hospital.");

        return new State(fullName ?? "", email ?? "", institution, roles, staffCode);
    }

    async Task CheckPasswordAsync(FieldErrors errors, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add("Password", "Kata sandi wajib diisi.", "The password is required.");
            return;
        }

        foreach (var validator in users.PasswordValidators)
            errors.List.AddRange(Describe(await validator.ValidateAsync(users, user, password)));
    }

    /// <summary>Identity's own messages are English only: the ones an administrator can meet, in both languages.</summary>
    List<FieldError> Describe(IdentityResult result) => result.Errors.Select(e => e.Code switch
    {
        "PasswordTooShort" => new FieldError("Password", $"Kata sandi terlalu pendek: paling sedikit {users.Options.Password.RequiredLength} karakter.",
            $"The password is too short: at least {users.Options.Password.RequiredLength} characters."),
        "PasswordRequiresDigit" => new FieldError("Password", "Kata sandi harus memuat angka.", "The password must contain a digit."),
        "PasswordRequiresLower" => new FieldError("Password", "Kata sandi harus memuat huruf kecil.", "The password must contain a lower-case letter."),
        "PasswordRequiresUpper" => new FieldError("Password", "Kata sandi harus memuat huruf besar.", "The password must contain an upper-case letter."),
        _ => new FieldError("", e.Description, e.Description),
    }).ToList();

    /// <summary>A database without the demo has no roles yet: the first account (the CLI's first Admin) creates them.</summary>
    async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        var missing = Roles.All.Except(existing.OfType<string>()).ToList();
        if (missing.Count == 0)
            return;
        db.Roles.AddRange(missing.Select(r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the audit shows of an account: never the password, its hash or the security stamp.</summary>
    async Task<string> SnapshotAsync(AppUser user)
    {
        var institution = user.InstitutionId is int id
            ? await db.Institutions.IgnoreQueryFilters().Where(i => i.Id == id).Select(i => i.Code).SingleOrDefaultAsync()
            : null;
        var roles = (await users.GetRolesAsync(user)).Order().ToList();
        return JsonSerializer.Serialize(new
        {
            user.UserName, user.FullName, user.Email, Institution = institution, Roles = roles, user.StaffCode,
            Locked = user.LockoutEnd is { } end && end > db.Clock.GetUtcNow(),
        });
    }

    async Task AuditAsync(AppUser user, string action, string? before, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = db.Clock.GetUtcNow().UtcDateTime,
            Actor = db.Actor.Name,
            InstitutionId = user.InstitutionId,
            Entity = nameof(AppUser),
            EntityKey = user.Id,
            Action = action,
            Before = before,
            After = await SnapshotAsync(user),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
