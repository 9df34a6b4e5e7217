using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>
/// Wraps every simulated API route: checks X-Auth-Token (keystonemiddleware's 401), applies the operation's
/// injected faults, and renders state errors in the service's own envelope.
/// </summary>
internal sealed class OperationFilter(SimulatorContext sim, string operation, ErrorStyle style, bool requiresToken) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        sim.Faults.Count(operation);
        sim.Mutations.Record(http.Request.Headers.UserAgent.ToString(), operation);
        if (requiresToken && !sim.State.IsValidToken(http.Request.Headers["X-Auth-Token"].FirstOrDefault()))
            return ErrorBodies.Render(ErrorStyle.Keystone, 401, ErrorBodies.Unauthenticated, null, http);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, sim.Stopping);
        var fault = await sim.Faults.ApplyAsync(operation, linked.Token);
        if (fault is not null)
            return ErrorBodies.Render(style, fault.ErrorStatus, ErrorBodies.InjectedMessage(fault.ErrorStatus), fault.RetryAfterSeconds, http);
        try
        {
            return await next(context);
        }
        catch (SimFaultException e)
        {
            return ErrorBodies.Render(style, e.Status, e.Message, e.RetryAfterSeconds, http);
        }
        catch (DesignateException e)
        {
            return ErrorBodies.Render(ErrorStyle.Designate, e.Status, e.Message, null, http);
        }
    }
}

/// <summary>What every route handler needs: the state, the faults, the mutation count, and a token cancelled when the simulator stops.</summary>
internal sealed record SimulatorContext(SimulatorState State, FaultInjector Faults, MutationCounter Mutations, CancellationToken Stopping);

internal static class OperationFilterExtensions
{
    /// <summary>Marks a route as operation <paramref name="operation"/>: token required, faults applied, errors in <paramref name="style"/>.</summary>
    public static RouteHandlerBuilder Op(this RouteHandlerBuilder route, SimulatorContext sim, string operation, ErrorStyle style = ErrorStyle.Nova) =>
        route.AddEndpointFilter(new OperationFilter(sim, operation, style, requiresToken: true));
}
