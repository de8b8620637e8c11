using Encore.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Encore.Server.Tests;

/// <summary>The request log: one line per request, API calls at Information, dashboard files and polling at Debug.</summary>
public sealed class RequestLogTests
{
    private sealed class ListLogger : ILogger<RequestLogMiddleware>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }

    private static async Task<List<(LogLevel Level, string Text)>> Log(string path, string query, int status)
    {
        var logger = new ListLogger();
        var sut = new RequestLogMiddleware(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }, logger);
        var context = new DefaultHttpContext { TraceIdentifier = "req-1" };
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        await sut.InvokeAsync(context);
        return logger.Lines;
    }

    [Fact]
    public async Task InvokeAsync_ApiCall_OneInformationLineWithStatusTimeAndId()
    {
        var lines = await Log("/api/users/u1/recommendations", "?k=10", 200);

        var (level, text) = Assert.Single(lines);
        Assert.Equal(LogLevel.Information, level);
        Assert.Matches(@"^GET /api/users/u1/recommendations\?k=10 → 200 in \d+\.\d ms \(req-1\)$", text);
        Assert.DoesNotContain('\n', text);
    }

    [Theory]
    [InlineData("/dashboard/js/app.js")]
    [InlineData("/api/dashboard/live")]
    [InlineData("/health/ready")]
    public async Task InvokeAsync_StaticFileOrPolling_LogsAtDebug(string path) =>
        Assert.Equal(LogLevel.Debug, Assert.Single(await Log(path, "", 200)).Level);
}
