using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodeManager.Simulators.OpenStack.State;

namespace NodeManager.Simulators.OpenStack.Api;

/// <summary>Neutron v2.0 network list and show under <c>/networking/v2.0</c>, in the shape of the Networking API reference.</summary>
internal static class NeutronApi
{
    public static void Map(IEndpointRouteBuilder app, SimulatorContext sim)
    {
        var neutron = app.MapGroup("/networking/v2.0");
        var state = sim.State;
        var project = state.Options.ProjectId;

        neutron.MapGet("/networks", (HttpContext http) =>
        {
            // Neutron filters on any attribute given as a query parameter; NodeManager asks by name.
            var name = http.Request.Query["name"].FirstOrDefault();
            var id = http.Request.Query["id"].FirstOrDefault();
            return SimHttp.Json(new JsonObject
            {
                ["networks"] = new JsonArray(state.Networks
                    .Where(n => (name is null || n.Name == name) && (id is null || n.Id == id))
                    .Select(n => (JsonNode?)Network(n, project)).ToArray()),
            });
        }).Op(sim, SimulatorOps.NetworkList, ErrorStyle.Neutron);

        neutron.MapGet("/networks/{id}", (string id) =>
            state.Networks.FirstOrDefault(n => n.Id == id) is { } network
                ? SimHttp.Json(new JsonObject { ["network"] = Network(network, project) })
                : throw new SimFaultException(404, $"Network {id} could not be found."))
            .Op(sim, SimulatorOps.NetworkGet, ErrorStyle.Neutron);
    }

    private static JsonObject Network(SimNetwork n, string project) => new()
    {
        ["admin_state_up"] = true,
        ["availability_zone_hints"] = new JsonArray(),
        ["availability_zones"] = new JsonArray("nova"),
        ["created_at"] = "2024-01-01T00:00:00Z",
        ["dns_domain"] = "",
        ["id"] = n.Id,
        ["ipv4_address_scope"] = null,
        ["ipv6_address_scope"] = null,
        ["l2_adjacency"] = true,
        ["mtu"] = 1450,
        ["name"] = n.Name,
        ["port_security_enabled"] = true,
        ["project_id"] = project,
        ["qos_policy_id"] = null,
        ["revision_number"] = 1,
        ["router:external"] = false,
        ["shared"] = false,
        ["status"] = "ACTIVE",
        ["subnets"] = new JsonArray(),
        ["tags"] = new JsonArray(),
        ["tenant_id"] = project,
        ["updated_at"] = "2024-01-01T00:00:00Z",
        ["description"] = "",
        ["is_default"] = false,
    };
}
