namespace NodeManager.OpenStack.Http;

/// <summary>
/// What a request is, for metrics: the service and the operation as <c>METHOD /path</c> with ids replaced by <c>{id}</c>
/// and the query dropped, so that every server, volume or zone shares one label value.
/// </summary>
internal readonly record struct CloudOperation(string Service, string Name)
{
    /// <summary>Keystone's token request (its URL is the configured auth URL, not a catalog endpoint).</summary>
    public static CloudOperation IssueToken { get; } = new("identity", "POST /auth/tokens");

    /// <summary>For a request whose caller named no operation.</summary>
    public static CloudOperation Unnamed(HttpMethod method) => new("other", method.Method);

    /// <param name="pathAndQuery">Relative to the service's versioned base URL, e.g. <c>/servers/3f…/os-volume_attachments?x=1</c>.</param>
    /// <remarks>
    /// Every OpenStack path the client uses alternates a collection and a member: <c>/zones/{id}/recordsets/{id}</c>. So
    /// every second segment is an id (or a name, as Glance's <c>/images/{name-or-id}</c>), except <c>detail</c>, which
    /// lists a collection.
    /// </remarks>
    public static CloudOperation For(ServiceKind service, HttpMethod method, string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < segments.Length; i += 2)
        {
            if (segments[i] != "detail") segments[i] = "{id}";
        }

        return new CloudOperation(service.Name, $"{method.Method} /{string.Join('/', segments)}");
    }
}
