using System.Net;
using System.Text;
using Kinerja.Data;
using Kinerja.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.IntegrationTests.Community;

public class LibraryTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync("/komunitas/perpustakaan/tambah");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(KinerjaApp.AntiForgeryToken(page)), "__RequestVerificationToken" },
        };
        foreach (var (key, value) in fields)
            content.Add(new StringContent(value), key);
        foreach (var (name, bytes) in files)
            content.Add(new ByteArrayContent(bytes), "Files", name);
        return await client.PostAsync("/komunitas/perpustakaan/tambah", content);
    }

    [Fact]
    public async Task Upload_WhoseBytesDoNotMatchItsType_IsRefused_AndNothingIsAdded()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var moderator = await site.SignInAsync("moderator");
        var response = await UploadAsync(moderator, new() { ["Input.Kind"] = "Referensi", ["Input.Title"] = "Bukan PDF" },
            ("jebakan.pdf", Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Isi berkas tidak sesuai dengan jenisnya", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        var exe = await UploadAsync(moderator, new() { ["Input.Kind"] = "Referensi", ["Input.Title"] = "Program" }, ("alat.exe", Pdf));
        Assert.Contains("Jenis berkas tidak diterima", WebUtility.HtmlDecode(await exe.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        await using var db = site.Open();
        Assert.Empty(await db.LibraryItems.ToListAsync(Ct));
        Assert.Empty(Directory.GetFiles(Path.Combine(site.Database.Directory, "uploads")));
    }

    [Fact]
    public async Task MeetingRecord_WithDocx_IsListedWithDatePlaceAndParticipants()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var moderator = await site.SignInAsync("moderator");
        using var docx = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(docx, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }
        var response = await UploadAsync(moderator, new()
        {
            ["Input.Kind"] = "Pertemuan", ["Input.Title"] = "Pertemuan tatap muka Yogyakarta", ["Input.MeetingDate"] = "2016-05-20",
            ["Input.Place"] = "FK-KMK UGM, Yogyakarta", ["Input.Participants"] = "Dinkes Sleman, Dinkes Bantul, PKMK",
            ["Input.Minutes"] = "Peserta sepakat target kinerja bulanan ditulis dalam kontrak.",
        }, ("notulen.docx", docx.ToArray()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var library = WebUtility.HtmlDecode(await site.Browser().GetStringAsync("/komunitas/perpustakaan?jenis=Pertemuan", Ct));
        Assert.Contains("20 Mei 2016", library, StringComparison.Ordinal);
        Assert.Contains("FK-KMK UGM, Yogyakarta", library, StringComparison.Ordinal);
        Assert.Contains("notulen.docx", library, StringComparison.Ordinal);
        // A meeting record sends no alert; only policy briefs do.
        await using var db = site.Open();
        Assert.Empty(await db.OutboxMessages.ToListAsync(Ct));
    }

    [Fact]
    public async Task Library_Upload_IsForModeratorsOnly()
    {
        await using var site = await KomunitasSite.StartAsync(DatabaseProvider.Sqlite);
        var member = await site.SignInAsync("anggota");
        var response = await member.GetAsync("/komunitas/perpustakaan/tambah", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/ditolak", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
