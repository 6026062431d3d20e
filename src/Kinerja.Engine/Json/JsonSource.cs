using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Kinerja.Engine.Json;

/// <summary>
/// A window over a stream for <see cref="Utf8JsonReader"/>: the reader works on the bytes buffered so far and,
/// when it runs out mid-token, is rebuilt from its state over the refilled buffer. Only the unread tail is kept,
/// so memory stays one buffer however large the file is. A second thread can read ahead into a few blocks so the
/// file's read calls overlap the parsing; it is off by default, as on the shared 2-core machine it cost more CPU
/// than it saved (docs/performance.md).
/// </summary>
internal sealed class JsonSource : IDisposable
{
    private readonly Stream _stream;
    private readonly ReadAhead? _readAhead;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private JsonReaderState _state;

    public JsonSource(Stream stream, int bufferSize = 1 << 20, bool? readAhead = null, int blockSize = 1 << 18)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
        _state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (readAhead ?? false)
        {
            _readAhead = new ReadAhead(stream, blockSize);
        }

        try
        {
            Fill();
        }
        catch
        {
            _readAhead?.Dispose();
            throw;
        }
    }

    public bool IsFinal { get; private set; }

    public Utf8JsonReader Reader() => new(_buffer.AsSpan(_start, _end - _start), IsFinal, _state);

    /// <summary>Marks what <paramref name="reader"/> has consumed as read; a new <see cref="Reader"/> starts after it.</summary>
    public void Commit(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        reader = Reader();
    }

    /// <summary>Keeps the unread bytes, reads more after them (growing the buffer when one token fills it).</summary>
    public void Refill(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        }

        _start = 0;
        _end = unread;
        Fill();
        reader = Reader();
    }

    public void Dispose() => _readAhead?.Dispose();

    private void Fill()
    {
        while (_end < _buffer.Length && !IsFinal)
        {
            var read = _readAhead is null
                ? _stream.Read(_buffer, _end, _buffer.Length - _end)
                : _readAhead.Read(_buffer.AsSpan(_end));
            if (read == 0)
            {
                IsFinal = true;
                return;
            }

            _end += read;
        }
    }

    /// <summary>A thread that reads the stream into a few blocks ahead of the parser.</summary>
    private sealed class ReadAhead : IDisposable
    {
        private const int Blocks = 4;
        private readonly Stream _stream;
        private readonly BlockingCollection<(byte[]? Bytes, int Length, ExceptionDispatchInfo? Error)> _filled = new(Blocks);
        private readonly BlockingCollection<byte[]> _empty = new(Blocks + 1);
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;
        private byte[]? _current;
        private int _currentLength;
        private int _currentOffset;
        private bool _ended;

        public ReadAhead(Stream stream, int blockSize)
        {
            _stream = stream;
            for (var i = 0; i < Blocks + 1; i++)
            {
                _empty.Add(new byte[blockSize]);
            }

            _thread = new Thread(Produce) { IsBackground = true, Name = "kinerja read-ahead" };
            _thread.Start();
        }

        /// <summary>Copies the next bytes into <paramref name="destination"/>; 0 at the end of the stream.</summary>
        public int Read(Span<byte> destination)
        {
            if (_current is null)
            {
                if (_ended)
                {
                    return 0;
                }

                var (bytes, length, error) = _filled.Take();
                error?.Throw();
                if (length == 0)
                {
                    _ended = true;
                    return 0;
                }

                (_current, _currentLength, _currentOffset) = (bytes, length, 0);
            }

            var current = _current!;
            var count = Math.Min(destination.Length, _currentLength - _currentOffset);
            current.AsSpan(_currentOffset, count).CopyTo(destination);
            _currentOffset += count;
            if (_currentOffset == _currentLength)
            {
                _empty.Add(current);
                _current = null;
            }

            return count;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _stop.Dispose();
            _filled.Dispose();
            _empty.Dispose();
        }

        private void Produce()
        {
            try
            {
                while (true)
                {
                    var block = _empty.Take(_stop.Token);
                    var length = 0;
                    int read;
                    while (length < block.Length && (read = _stream.Read(block, length, block.Length - length)) > 0)
                    {
                        length += read;
                    }

                    _filled.Add((block, length, null), _stop.Token);
                    if (length == 0)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The parser stopped early (an error) and disposed us.
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or UnauthorizedAccessException)
            {
                // Handed to the parser's thread, which throws it where the read was asked for.
                try
                {
                    _filled.Add((null, 0, ExceptionDispatchInfo.Capture(e)), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }
}
