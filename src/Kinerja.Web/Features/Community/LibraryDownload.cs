using Kinerja.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Features.Community;

/// <summary>Serves a library file by its row: the stored random name never reaches the URL.</summary>
public static class LibraryDownload
{
    public static async Task<IResult> HandleAsync(int id, KinerjaDb db, FileStore store)
    {
        var file = await db.LibraryFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
        if (file is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Berkas tidak ditemukan / file not found");
        var path = store.PathOf(file.StoredName);
        if (!File.Exists(path))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Berkas tidak ditemukan / file not found");
        // Attachment, with the type we checked at upload: a browser never renders it as this site's page.
        return Results.File(path, file.ContentType, file.FileName);
    }
}
