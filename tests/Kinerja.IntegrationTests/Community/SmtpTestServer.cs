using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kinerja.IntegrationTests.Community;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that records what it receives: a real SMTP conversation over
/// TCP (EHLO, MAIL, RCPT, DATA, QUIT), enough for MailKit, with no relaying anywhere.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    public sealed record Received(string From, IReadOnlyList<string> To, string Data)
    {
        public string Header(string name)
        {
            // Headers end at the first empty line; a folded header continues on lines that start with white space.
            var head = Data[..Data.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Replace("\r\n ", " ", StringComparison.Ordinal)
                .Replace("\r\n\t", " ", StringComparison.Ordinal);
            return head.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
        }

        /// <summary>The body with quoted-printable soft breaks undone, enough to find text and links in it.</summary>
        public string Body
        {
            get
            {
                var body = Data[(Data.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
                if (Data.Contains("quoted-printable", StringComparison.OrdinalIgnoreCase))
                    body = System.Text.RegularExpressions.Regex.Replace(body.Replace("=\r\n", "", StringComparison.Ordinal), "=([0-9A-F]{2})",
                        m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
                return body;
            }
        }
    }

    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public SmtpTestServer()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>When set, the server answers DATA with a permanent failure (to test retries).</summary>
    public bool Refuse { get; set; }

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-localhost");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>');
                    to.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>'));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    if (Refuse)
                    {
                        await writer.WriteLineAsync("554 Transaction failed (test)");
                        break;
                    }
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    // Recorded before the 250: once the sender has its answer, the message is here.
                    Messages.Enqueue(new Received(from, to.ToList(), data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }
}
