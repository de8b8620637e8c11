using System.Net;
using System.Net.Sockets;
using Encore.Online.Store;

namespace Encore.Online.Tests.Store;

/// <summary>
/// A newcomer's first PostgreSQL mistakes (no server on the port, a database not created yet) end the start with
/// one clear line naming host, port, database and what to do, not "unexpected error (NpgsqlException)".
/// </summary>
public sealed class PostgresUnreachableTests
{
    [Fact]
    public void Open_NoServerOnThePort_SaysWhereAndWhatToCheck()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var error = Assert.Throws<IOException>(() => OnlineStores.Open($"postgres://encore:secret-pw@127.0.0.1:{port}/encore?connect_timeout=5"));

        Assert.Contains($"cannot open PostgreSQL database 'encore' at 127.0.0.1:{port} as user 'encore'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is the server running", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DatabaseNotCreated_SaysHowToCreateIt()
    {
        if (TestStores.PostgresLocation is not { } root) return; // needs a server (ENCORE_TEST_POSTGRES); CI has one
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Encore.Evaluation.Postgres.PostgresLocation.ToConnectionString(root)) { Database = "encore_never_created_db" };

        var error = Assert.Throws<IOException>(() => OnlineStores.Open(builder.ConnectionString));

        Assert.Contains("database \"encore_never_created_db\" does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains($"createdb -h {builder.Host} -p {builder.Port}", error.Message, StringComparison.Ordinal);
    }
}
