using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;

namespace Omni.Common.Http;

/// <summary>
/// The one request body limit of the API. Kestrel enforces it itself (see Program.cs), but not every host does: the
/// in-memory TestServer and some proxies' hosts read any body to the end. Applying it here too keeps "413 problem,
/// nothing written" true wherever Omni runs, instead of parsing megabytes into a handler.
/// </summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 4 * 1024 * 1024;

    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (http.Request.ContentLength > MaxBytes) throw TooLarge();
            var serverLimit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (serverLimit is null) http.Request.Body = new LimitedStream(http.Request.Body, MaxBytes);
            else if (!serverLimit.IsReadOnly && (serverLimit.MaxRequestBodySize is null || serverLimit.MaxRequestBodySize > MaxBytes))
                serverLimit.MaxRequestBodySize = MaxBytes;
            return next(http);
        });
        return app;
    }

    private static BadHttpRequestException TooLarge() => new("The request body is too large.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>Counts what a handler reads of a body of unknown length (chunked) and stops at the limit.</summary>
    private sealed class LimitedStream(Stream inner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > max) throw TooLarge();
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
