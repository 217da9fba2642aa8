using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MaxK.Tests.Datasets;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (HttpListener, free port) serving byte arrays by path, honouring
/// <c>Range: bytes=N-</c> (206) unless <see cref="IgnoreRange"/>; can drop the connection midway once.
/// Records each request's path and Range header.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public LoopbackHttpServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add(BaseUrl);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Serve 200 only, ignoring Range headers (a server without resume support).</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, the next full or partial response sends this many bytes and then aborts the connection.</summary>
    public int? DropAfterBytes { get; set; }

    /// <summary>When set, the next response sends this many bytes and then goes silent until the server is disposed.</summary>
    public int? StallAfterBytes { get; set; }

    private readonly ManualResetEventSlim _release = new();

    public ConcurrentQueue<(string Path, string? Range)> Requests { get; } = new();

    /// <summary>Full request URLs (path and query), in order.</summary>
    public ConcurrentQueue<string> RequestUrls { get; } = new();

    /// <summary>Answers a request before the file table when it returns true (a test's own route: pages, odd status codes).</summary>
    public Func<HttpListenerContext, bool>? Custom { get; set; }

    /// <summary>When set, a range request is answered with 206 starting at this offset instead of the asked one (a server that cannot resume correctly).</summary>
    public long? WrongRangeStart { get; set; }

    public Uri Url(string name) => new(BaseUrl + name);

    public void Serve(string name, byte[] content) => _files[name] = content;

    public void Dispose()
    {
        _release.Set();
        try
        {
            // Close alone: Stop then Close removes the listener twice, and the managed HttpListener re-binds the port on
            // the second removal ("Address already in use" when another test has taken it meanwhile).
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The port is released either way.
        }
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with an exception when the listener stops.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                Handle(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away; the next request is served normally.
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath.TrimStart('/');
        var range = context.Request.Headers["Range"];
        Requests.Enqueue((path, range));
        RequestUrls.Enqueue(context.Request.Url!.PathAndQuery);
        var response = context.Response;
        if (Custom is { } custom && custom(context))
            return;
        if (!_files.TryGetValue(path, out var content))
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }
        long start = 0;
        if (!IgnoreRange && range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-'))
        {
            start = long.Parse(range["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (WrongRangeStart is long wrong)
                start = wrong;
            if (start >= content.Length)
            {
                response.StatusCode = 416;
                response.Headers["Content-Range"] = $"bytes */{content.Length}";
                response.Close();
                return;
            }
            response.StatusCode = 206;
            response.Headers["Content-Range"] = $"bytes {start}-{content.Length - 1}/{content.Length}";
        }
        response.ContentLength64 = content.Length - start;
        var body = content.AsSpan((int)start);
        if (DropAfterBytes is int drop && drop < body.Length)
        {
            DropAfterBytes = null;
            response.OutputStream.Write(body[..drop]);
            response.OutputStream.Flush();
            Thread.Sleep(100);
            response.Abort();
            return;
        }
        if (StallAfterBytes is int stall && stall < body.Length)
        {
            StallAfterBytes = null;
            response.OutputStream.Write(body[..stall]);
            response.OutputStream.Flush();
            _release.Wait(TimeSpan.FromSeconds(10));
            response.Abort();
            return;
        }
        response.OutputStream.Write(body);
        response.Close();
    }
}
