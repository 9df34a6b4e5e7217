using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Http;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests;

/// <summary>What the transport puts on the wire and how it reports an answer that never came.</summary>
public sealed class OpenStackTransportSpec
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const string Url = "http://nova.test:8774/v2.1/servers?name=web";

    private static OpenStackTransport Transport(HttpMessageHandler handler) =>
        new(CloudEnv.QuietSettings, handler, TimeProvider.System, NullLogger.Instance);

    [Fact]
    public async Task Every_request_must_ask_for_json_and_a_body_must_go_as_the_json_the_client_built()
    {
        var contentTypes = new List<string?>();
        var handler = new StubHandler((request, _) =>
        {
            lock (contentTypes) contentTypes.Add(request.Content?.Headers.ContentType?.MediaType);
            return StubHandler.Json("{}", HttpStatusCode.Accepted);
        });
        using var transport = Transport(handler);
        // Non-ASCII and markup characters: what user metadata may hold; they must reach the cloud as the client wrote them.
        var body = new JsonObject { ["server"] = new JsonObject { ["name"] = "wéb <1> & \"x\"", ["min_count"] = 1 } };

        await transport.SendAsync(HttpMethod.Post, Url, body, [new("X-Auth-Token", "t")], CancellationToken.None).WaitAsync(Patience);
        await transport.SendAsync(HttpMethod.Get, Url, null, [], CancellationToken.None).WaitAsync(Patience);

        var (post, get) = (handler.Requests[0], handler.Requests[1]);
        Assert.Equal("application/json", post.Headers["Accept"]);
        Assert.Equal("application/json", get.Headers["Accept"]);
        Assert.Equal("t", post.Headers["X-Auth-Token"]);
        Assert.Equal(body.ToJsonString(), post.Body);
        Assert.Equal(["application/json", null], contentTypes);
        Assert.Null(get.Body);
    }

    [Fact]
    public async Task An_error_status_must_come_back_as_the_typed_error_with_the_clouds_message_and_request_id()
    {
        var handler = new StubHandler((_, _) =>
        {
            var answer = StubHandler.Json("""{"itemNotFound": {"code": 404, "message": "Instance x could not be found."}}""", HttpStatusCode.NotFound);
            answer.Headers.Add("X-OpenStack-Request-Id", "req-9");
            return answer;
        });
        using var transport = Transport(handler);

        var e = await Assert.ThrowsAsync<NotFoundException>(
            () => transport.SendAsync(HttpMethod.Get, Url, null, [], CancellationToken.None).WaitAsync(Patience));

        Assert.Equal("GET /v2.1/servers", e.Call);
        Assert.Equal("Instance x could not be found.", e.CloudMessage);
        Assert.Equal("req-9", e.RequestId);
    }

    [Fact]
    public async Task A_connection_that_fails_must_be_a_ServerFault_of_status_0_naming_the_call_and_the_reason()
    {
        var handler = new StubHandler((_, _) => throw new HttpRequestException("Connection refused (nova.test:8774)"));
        using var transport = Transport(handler);

        var e = await Assert.ThrowsAsync<ServerFaultException>(
            () => transport.SendAsync(HttpMethod.Get, Url, null, [], CancellationToken.None).WaitAsync(Patience));

        Assert.Equal(0, e.Status);
        Assert.Equal("GET /v2.1/servers", e.Call);
        Assert.Contains("Connection refused (nova.test:8774)", e.CloudMessage);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task A_caller_that_cancels_must_see_a_cancellation_not_a_timeout_or_a_server_fault()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var transport = Transport(new HangingHandler(arrived));
        using var cts = new CancellationTokenSource();

        var call = transport.SendAsync(HttpMethod.Get, Url, null, [], cts.Token);
        await arrived.Task.WaitAsync(Patience);
        await cts.CancelAsync();

        // Not OpenStackTimeoutException nor ServerFaultException: neither derives from OperationCanceledException.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience));
    }

    /// <summary>Never answers: completes only when the request is cancelled.</summary>
    private sealed class HangingHandler(TaskCompletionSource arrived) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            arrived.TrySetResult();
            var never = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var registration = cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
            return await never.Task;
        }
    }
}
