using Kinerja.Data;
using Kinerja.Web;
using Kinerja.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddKinerja();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseKinerja();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' host.</summary>
public partial class Program;
