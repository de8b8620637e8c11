using System.Net.Sockets;
using Encore.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Encore.Server.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under a running service (found by stopping the database under two silos): every call
/// answered 500 "Unexpected error", so a client could not tell a passing outage from a bug. A store that cannot be
/// reached is now 503 "Store unavailable" with Retry-After, like a cluster member leaving; a client resends the same
/// call (event ids make it safe). Errors that are not transient stay 500.
/// </summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task Handle_StoreConnectionFailure_Is503WithRetryAfter()
    {
        var (context, problem) = await Handle(new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:55432", new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("Store unavailable", problem.Title);
        Assert.Contains("retry the same request", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_StoreFailureInsideAGrainCall_Is503()
    {
        var inner = new Npgsql.NpgsqlException("Exception while reading from stream", new IOException("connection reset"));

        var (context, _) = await Handle(new InvalidOperationException("grain call failed", inner));

        Assert.Equal(503, context.Response.StatusCode);
    }

    [Fact]
    public async Task Handle_StoreErrorThatIsNotTransient_Stays500()
    {
        var (context, problem) = await Handle(new Npgsql.NpgsqlException("syntax error"));

        Assert.Equal(500, context.Response.StatusCode);
        Assert.Equal("Unexpected error", problem.Title);
    }

    [Fact]
    public void Ready_StoreUnreachable_Is503()
    {
        // Found with two silos: /health/ready answered "ready" while PostgreSQL was down and every call was a 503.
        var result = Endpoints.HealthEndpoints.Ready(true, () => Array.Empty<object>(),
            () => throw new Npgsql.NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), new DefaultHttpContext());

        Assert.Equal(503, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    [Fact]
    public void Ready_StoreAnswersAndAModelIsActive_Is200()
    {
        var result = Endpoints.HealthEndpoints.Ready(true, () => Array.Empty<object>(), () => { }, new DefaultHttpContext());

        Assert.Equal(200, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    [Fact]
    public void Ready_NoActiveModel_Is503WithoutProbingTheStore()
    {
        var result = Endpoints.HealthEndpoints.Ready(false, () => Array.Empty<object>(), () => throw new InvalidOperationException("not probed"), new DefaultHttpContext());

        Assert.Equal(503, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    private static async Task<(HttpContext Context, ProblemDetails Problem)> Handle(Exception exception)
    {
        var writer = new CapturingProblems();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/events";
        var sut = new ProblemExceptionHandler(writer, NullLogger<ProblemExceptionHandler>.Instance);

        Assert.True(await sut.TryHandleAsync(context, exception, CancellationToken.None));
        return (context, writer.Problem!);
    }

    private sealed class CapturingProblems : IProblemDetailsService
    {
        public ProblemDetails? Problem { get; private set; }

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            Problem = context.ProblemDetails;
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context)
        {
            Problem = context.ProblemDetails;
            return ValueTask.FromResult(true);
        }
    }
}
