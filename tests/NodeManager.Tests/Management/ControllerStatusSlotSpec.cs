using System.Net;
using NodeManager.Management;

namespace NodeManager.Tests.Management;

public sealed class ControllerStatusSlotSpec
{
    [Fact]
    public async Task Endpoint_must_answer_503_not_started_until_the_controller_is_attached()
    {
        var slot = new ControllerStatusSlot();
        var controller = new FakeControllerStatus { IsReady = true };
        controller.Districts.Add(FakeControllerStatus.District("district-a"));
        await using var harness = await ManagementHarness.StartAsync(slot);

        var (beforeDistricts, problem) = await harness.GetAsync("/districts");
        var (beforeReady, _) = await harness.GetAsync("/ready");
        var (alive, _) = await harness.GetAsync("/alive");
        slot.Attach(controller);
        var (afterDistricts, body) = await harness.GetAsync("/districts");
        var (afterReady, _) = await harness.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeDistricts.StatusCode);
        Assert.Equal(Problems.TypePrefix + "not-started", problem.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterDistricts.StatusCode);
        Assert.Equal("district-a", body.GetProperty("districts")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, afterReady.StatusCode);
    }
}
