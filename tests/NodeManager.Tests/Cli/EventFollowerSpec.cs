using NodeManager.Cli;
using NodeManager.Cli.Endpoint;

namespace NodeManager.Tests.Cli;

public sealed class EventFollowerSpec
{
    [Fact]
    public async Task A_lost_endpoint_must_be_retried_with_doubling_delays_then_given_up()
    {
        using var client = new ManagementClient(new Uri($"http://127.0.0.1:{ActionCommandsSpec.ClosedPort()}/"), token: null);
        var delays = new List<TimeSpan>();
        var reconnects = 0;
        var follower = new EventFollower(client, (delay, _) =>
        {
            delays.Add(delay);
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<EndpointException>(() => follower.FollowAsync(
            [], _ => Task.CompletedTask, (_, _) => Task.FromResult(++reconnects), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], delays);
        Assert.Equal(EventFollower.MaxAttempts - 1, reconnects);
        Assert.Equal(ExitCodes.Failure, error.ExitCode);
        Assert.Contains("cannot reach the management endpoint", error.Message);
        Assert.EndsWith($"gave up after {EventFollower.MaxAttempts} attempts in a row without an event", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(5, 15)]
    [InlineData(40, 15)]
    public void Backoff_must_double_up_to_its_ceiling(int fruitless, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), EventFollower.Backoff(fruitless));
}
