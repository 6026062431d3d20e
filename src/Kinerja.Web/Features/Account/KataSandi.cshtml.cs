using System.ComponentModel.DataAnnotations;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Kinerja.Web.Features.Account;

[Authorize]
public sealed class KataSandiModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t)
    : PageModel
{
    public sealed class ChangeInput
    {
        [Required(ErrorMessage = "Kata sandi sekarang wajib diisi")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi baru wajib diisi")]
        [MinLength(8, ErrorMessage = "Kata sandi baru paling sedikit 8 karakter")]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "Kedua kata sandi baru tidak sama")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("", Describe(error));
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        Input = new();
        return Page();
    }

    // Identity's own messages are English only; these are the ones a person can meet here.
    string Describe(IdentityError error) => error.Code switch
    {
        "PasswordMismatch" => t["Kata sandi sekarang salah."],
        "PasswordTooShort" => t["Kata sandi baru terlalu pendek."],
        "PasswordRequiresDigit" => t["Kata sandi baru harus memuat angka."],
        "PasswordRequiresLower" => t["Kata sandi baru harus memuat huruf kecil."],
        "PasswordRequiresUpper" => t["Kata sandi baru harus memuat huruf besar."],
        _ => error.Description,
    };
}
