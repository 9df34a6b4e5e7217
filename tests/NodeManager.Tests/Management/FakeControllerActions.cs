using System.Collections.Concurrent;
using NodeManager.Core.Operations;

namespace NodeManager.Tests.Management;

/// <summary>
/// An <see cref="IControllerActions"/> that records every request and answers as a district would: <c>Changed</c> the
/// first time an action meets a target, false on a repeat; <see cref="Answer"/>, when set, decides instead.
/// </summary>
internal sealed class FakeControllerActions : IControllerActions
{
    private readonly HashSet<(OperatorAction, string)> _applied = [];

    public ConcurrentQueue<OperatorRequest> Requests { get; } = new();

    public Func<OperatorRequest, OperatorOutcome?>? Answer { get; set; }

    public Task<OperatorOutcome> ActAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Answer?.Invoke(request) is { } answer)
        {
            return Task.FromResult(answer);
        }

        bool changed;
        lock (_applied)
        {
            changed = _applied.Add((request.Action, request.Target));
        }

        return Task.FromResult(new OperatorOutcome(
            OperatorVerdict.Done, request.Action, request.Target, request.By, request.Reason, FakeControllerStatus.At, changed, null));
    }
}
