using System.Globalization;
using System.Text.Json.Serialization;
using Kinerja.Data;
using Kinerja.Data.Remunerasi;
using Kinerja.Data.Remunerasi.Imports;
using Kinerja.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Kinerja.Web.Features.Runs;

/// <summary>A service line as the SIMRS sends it (the fields of calculation.md §2).</summary>
public sealed record SimrsServiceLine(string? Id, string? Date, string? StaffId, string? Service, string? Payer, long? Quantity, bool? WorkingHours);

/// <summary>The service lines of one period. Lines already sent are recognised by their id.</summary>
public sealed record SimrsServiceLines(string? Period, IReadOnlyList<SimrsServiceLine>? Lines);

public sealed record SimrsQualityResult(string? StaffId, string? Indicator, decimal? Numerator, decimal? Denominator);

/// <summary>The quality indicator results of one period, keyed by staff and indicator.</summary>
public sealed record SimrsQualityResults(string? Period, IReadOnlyList<SimrsQualityResult>? Results);

/// <summary>What an accepted push changed.</summary>
public sealed record SimrsImportReceipt(long BatchId, string Period, int Rows, int Added, int Updated, int Unchanged);

/// <summary>One rejected item: its 1-based position in the array, the field, and why.</summary>
public sealed record SimrsRowError(int Row, string Field, string Message, string English);

/// <summary>The actor of a SIMRS push: the token's name, seeing only its hospital.</summary>
sealed class SimrsActor(string name, int institutionId) : ICurrentActor
{
    public string Name { get; } = name;

    public int? InstitutionId { get; } = institutionId;

    public IReadOnlyCollection<int>? VisibleInstitutionIds { get; } = [institutionId];
}

/// <summary>
/// The SIMRS API (/api/v1/simrs): service lines and quality results pushed with a per-hospital bearer token, through
/// the same importers as the file uploads (every row checked, all or nothing, idempotent by key). Errors are
/// ProblemDetails; a refused push lists every bad item in <c>errors</c>.
/// </summary>
public static class SimrsApi
{
    const string TokenKey = "simrs-token";

    public static IServiceCollection AddRemunerasi(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Kinerja SIMRS API";
                document.Info.Description = "Baris layanan dan hasil indikator mutu dari SIMRS rumah sakit / service lines and quality results from the hospital's SIMRS.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "Token per rumah sakit dari /remunerasi/token-simrs / a per-hospital token from /remunerasi/token-simrs",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapRemunerasiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var simrs = app.MapGroup("/api/v1/simrs")
            .WithTags("SIMRS")
            .AddEndpointFilter(AuthenticateAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .DisableAntiforgery();
        simrs.MapPost("/service-lines", PushServiceLinesAsync)
            .WithSummary("Kirim baris layanan / push service lines")
            .WithDescription("Semua baris diterima atau tidak satu pun / all lines or none. Baris dengan id yang sudah ada dan nilai sama tidak mengubah apa-apa.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        simrs.MapPost("/quality-results", PushQualityAsync)
            .WithSummary("Kirim hasil indikator mutu / push quality results")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    static async ValueTask<object?> AuthenticateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return Unauthorized("Token tidak ada: kirim header Authorization: Bearer TOKEN / no token: send Authorization: Bearer TOKEN.");
        var db = http.RequestServices.GetRequiredService<KinerjaDb>();
        var token = await SimrsTokens.FindAsync(db, header[7..].Trim(), http.RequestAborted);
        if (token is null)
            return Unauthorized("Token tidak dikenal atau sudah dicabut / unknown or revoked token.");
        http.Items[TokenKey] = token;
        return await next(context);
    }

    static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(title: "Tidak berwenang / unauthorized", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    static async Task<Results<Ok<SimrsImportReceipt>, ProblemHttpResult>> PushServiceLinesAsync(
        [FromBody] SimrsServiceLines body, HttpContext http, DatabaseSettings settings, TimeProvider clock)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = (body.Lines ?? []).Select((l, i) => Row(i,
            ("id", l.Id), ("date", l.Date), ("staffId", l.StaffId), ("service", l.Service), ("payer", l.Payer),
            ("quantity", l.Quantity?.ToString(inv)), ("workingHours", l.WorkingHours is null ? null : l.WorkingHours.Value ? "true" : "false")));
        return await ImportAsync(http, settings, clock, body.Period, rows, db => new ServiceLineImporter(db).ImportAsync);
    }

    static async Task<Results<Ok<SimrsImportReceipt>, ProblemHttpResult>> PushQualityAsync(
        [FromBody] SimrsQualityResults body, HttpContext http, DatabaseSettings settings, TimeProvider clock)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = (body.Results ?? []).Select((q, i) => Row(i,
            ("staffId", q.StaffId), ("indicator", q.Indicator), ("numerator", q.Numerator?.ToString(inv)), ("denominator", q.Denominator?.ToString(inv))));
        return await ImportAsync(http, settings, clock, body.Period, rows, db => new QualityImporter(db).ImportAsync);
    }

    static TabularRow Row(int index, params (string Column, string? Value)[] cells) =>
        new(index + 1, cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.OrdinalIgnoreCase));

    static async Task<Results<Ok<SimrsImportReceipt>, ProblemHttpResult>> ImportAsync(
        HttpContext http, DatabaseSettings settings, TimeProvider clock, string? periodText, IEnumerable<TabularRow> rows,
        Func<KinerjaDb, Func<IEnumerable<TabularRow>, ImportOptions, CancellationToken, Task<ImportResult>>> importer)
    {
        var token = (SimrsApiToken)http.Items[TokenKey]!;
        if (!Period.TryParse(periodText, out var period))
        {
            return TypedResults.Problem(title: "Periode tidak valid / invalid period", statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: "period harus YYYY-MM atau YYYY-Qn / period must be YYYY-MM or YYYY-Qn.",
                extensions: new Dictionary<string, object?> { ["errors"] = new[] { new SimrsRowError(0, "period", "harus YYYY-MM", "must be YYYY-MM") } });
        }

        await using var db = DatabaseServiceCollectionExtensions.Create(settings, new SimrsActor($"simrs:{token.Name}", token.InstitutionId), clock);
        var result = await importer(db)(rows, new ImportOptions(token.InstitutionId, "api", null, period), http.RequestAborted);
        if (!result.Ok)
        {
            return TypedResults.Problem(
                title: "Data ditolak; tidak ada yang disimpan / data refused; nothing stored",
                detail: $"{result.ErrorCount} kesalahan / errors.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = result.Errors.Select(e => new SimrsRowError(e.Line, e.Column, e.Message, e.English)).ToList(),
                    ["errorCount"] = result.ErrorCount,
                });
        }

        var b = result.Batch!;
        return TypedResults.Ok(new SimrsImportReceipt(b.Id, period.ToString(), b.Rows, b.Added, b.Updated, b.Unchanged));
    }
}
