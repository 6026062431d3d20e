using System.Text;
using Kinerja.Data;
using Kinerja.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Cli;

/// <summary>
/// <c>kinerja user add --username NAME --role ROLE[,ROLE] --email E [--institution CODE] [--full-name ..] [--staff-code ..]</c>:
/// creates an account by the web app's rules (<see cref="Accounts"/>, audited), so that an installation without the demo
/// gets its first Administrator. The password comes from <see cref="PasswordVariable"/> or standard input, never from an
/// argument, which the shell history and the process list would keep. Exit 0 when created, 1 when refused, 2 on bad usage.
/// </summary>
public static class UserCommand
{
    public const string PasswordVariable = "KINERJA_NEW_PASSWORD";

    public static async Task<int> RunAsync(
        string[] args, IConfiguration configuration, TextReader? stdin = null, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        stdin ??= Console.In;
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var (positional, options, error) = Hospitals.Parse(args, "--username", "--role", "--institution", "--full-name", "--email", "--staff-code");
        if (error is not null || positional is not ["add"])
            return Usage(stderr, error);
        if (!options.TryGetValue("--username", out var userName) || !options.TryGetValue("--role", out var roles))
            return Usage(stderr, "--username dan --role wajib diisi / are required");

        var password = configuration[PasswordVariable];
        if (string.IsNullOrEmpty(password))
            password = ReadPassword(stdin, stderr);
        if (password is null)
            return 1;

        await using var db = CliConfiguration.OpenDatabase(configuration);
        await using var services = IdentityServices(db);
        var accounts = new Accounts(db, services.GetRequiredService<UserManager<AppUser>>());
        var input = new AccountInput(userName, options.GetValueOrDefault("--full-name") ?? userName, options.GetValueOrDefault("--email"),
            options.GetValueOrDefault("--institution"), roles.Split(','), options.GetValueOrDefault("--staff-code"));
        var (user, errors) = await accounts.CreateAsync(input, password);
        if (user is null)
        {
            foreach (var e in errors)
                stderr.WriteLine($"kinerja: {e}");
            return 1;
        }

        stdout.WriteLine($"Akun dibuat / account created: {user.UserName} ({roles})");
        return 0;
    }

    /// <summary>
    /// One line from redirected input (a script, a test); typed at a terminal, twice and not echoed, because a typo there
    /// would leave the first administrator with a password nobody knows.
    /// </summary>
    static string? ReadPassword(TextReader stdin, TextWriter stderr)
    {
        if (!ReferenceEquals(stdin, Console.In) || Console.IsInputRedirected)
        {
            var line = stdin.ReadLine();
            if (string.IsNullOrEmpty(line))
                stderr.WriteLine($"kinerja: kata sandi kosong; isi {PasswordVariable} atau ketik di masukan standar / empty password; set {PasswordVariable} or type it on standard input");
            return string.IsNullOrEmpty(line) ? null : line;
        }

        stderr.Write("Kata sandi / password: ");
        var first = ReadHidden(stderr);
        stderr.Write("Ulangi / again: ");
        if (first == ReadHidden(stderr))
            return first;
        stderr.WriteLine("kinerja: kedua kata sandi tidak sama / the two passwords differ");
        return null;
    }

    static string ReadHidden(TextWriter stderr)
    {
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                typed.Length--;
            else if (!char.IsControl(key.KeyChar))
                typed.Append(key.KeyChar);
        }

        stderr.WriteLine();
        return typed.ToString();
    }

    /// <summary>Identity's user manager on the CLI's context, with the web app's rules: no web host, no cookies.</summary>
    static ServiceProvider IdentityServices(KinerjaDb db)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(db);
        services.AddIdentityCore<AppUser>(Accounts.ConfigureIdentity).AddRoles<IdentityRole>().AddEntityFrameworkStores<KinerjaDb>();
        return services.BuildServiceProvider();
    }

    static int Usage(TextWriter stderr, string? error)
    {
        if (error is not null)
            stderr.WriteLine($"kinerja: {error}");
        stderr.WriteLine($"""
            Pakai / use: kinerja user add --username NAMA --role PERAN[,PERAN] --email E-MAIL [--institution KODE]
                                          [--full-name "NAMA LENGKAP"] [--staff-code KODE-PEGAWAI]
            Kata sandi dari / password from {PasswordVariable}, atau diketik / or typed on standard input.
            Peran / roles: {string.Join(", ", Roles.All)}. Tanpa --institution hanya untuk Admin (seluruh instalasi) / only an Admin may have none.
            """);
        return 2;
    }
}
