using NodeManager.Core.Scaling;
using static NodeManager.Core.Tests.Scaling.Snapshots;

namespace NodeManager.Core.Tests.Scaling;

public sealed class BackoffStateSpec
{
    [Fact]
    public void BackoffState_must_double_from_the_minimum_up_to_the_maximum()
    {
        var min = TimeSpan.FromMinutes(5);
        var max = TimeSpan.FromMinutes(30);
        var delays = new List<TimeSpan>();
        BackoffState? state = null;
        for (var i = 0; i < 5; i++)
        {
            state = BackoffState.Raise(state, "no room", T0, min, max);
            delays.Add(state.RetryAt - T0);
        }

        Assert.Equal([5, 10, 20, 30, 30], delays.Select(d => (int)d.TotalMinutes));
        Assert.Equal(T0, state!.Since);
        Assert.Equal(5, state.Attempts);
    }
}
