using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kinerja.IntegrationTests.Community;

/// <summary>A Kestrel server on 127.0.0.1 standing in for the WhatsApp Business Cloud API.</summary>
public sealed class WhatsAppTestServer : IAsyncDisposable
{
    public sealed record Received(string Path, string? Authorization, JsonElement Body);

    readonly WebApplication app;

    WhatsAppTestServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>When set, the API answers 500 (to test retries and giving up).</summary>
    public bool Fail { get; set; }

    public string BaseAddress { get; private set; } = "";

    public static async Task<WhatsAppTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new WhatsAppTestServer(app);
        app.MapPost("/v21.0/{phoneNumberId}/messages", async (HttpContext http) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            server.Requests.Enqueue(new Received(http.Request.Path, http.Request.Headers.Authorization.ToString(), body));
            return server.Fail
                ? Results.Json(new { error = new { message = "Service temporarily unavailable", code = 2 } }, statusCode: 500)
                : Results.Json(new { messaging_product = "whatsapp", messages = new[] { new { id = "wamid." + Guid.NewGuid().ToString("N") } } });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = address.TrimEnd('/') + "/v21.0";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
