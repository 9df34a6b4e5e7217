using System.Net.Sockets;
using NodeManager.Logging;
using NodeManager.OpenStack.Errors;
using Serilog;

namespace NodeManager.Tests.Logging;

public sealed class PlainErrorSinkSpec
{
    [Fact]
    public void A_port_in_use_must_be_one_line_with_its_message_and_no_stack_trace()
    {
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new PlainErrorSink(sink)).CreateLogger())
        {
            logger.Error(Thrown(new IOException(
                "Failed to bind to address http://127.0.0.1:8558: address already in use.",
                new SocketException((int)SocketError.AddressAlreadyInUse))), "NodeManager failed to start; stopping what had started");
        }

        var line = Assert.Single(sink.Lines);
        Assert.Null(Assert.Single(sink.Events).Exception);
        Assert.EndsWith(
            "NodeManager failed to start; stopping what had started: Failed to bind to address http://127.0.0.1:8558: address already in use.",
            line,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_credentials_must_be_one_line()
    {
        var sink = new CollectingSink();
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new PlainErrorSink(sink)).CreateLogger())
        {
            logger.Error(Thrown(new CredentialsException("no OpenStack credentials: set node-manager.openstack.cloud")), "Start of {Cluster} failed", "prod");
        }

        Assert.EndsWith("Start of prod failed: no OpenStack credentials: set node-manager.openstack.cloud", Assert.Single(sink.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_exception_must_keep_its_stack_trace()
    {
        var sink = new CollectingSink();
        var bug = Thrown(new InvalidOperationException("a bug"));
        using (var logger = new LoggerConfiguration().WriteTo.Sink(new PlainErrorSink(sink)).CreateLogger())
        {
            logger.Error(bug, "Controller failed");
        }

        Assert.Same(bug, Assert.Single(sink.Events).Exception);
        Assert.Contains("   at ", Assert.Single(sink.Lines), StringComparison.Ordinal);
    }

    // A thrown exception has a stack trace to leave out.
    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
