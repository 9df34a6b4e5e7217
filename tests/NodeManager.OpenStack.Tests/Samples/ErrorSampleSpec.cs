using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodeManager.OpenStack.Errors;
using NodeManager.OpenStack.Tests.Support;

namespace NodeManager.OpenStack.Tests.Samples;

/// <summary>The error bodies of the fixtures, classified into the typed family.</summary>
public sealed class ErrorSampleSpec
{
    private const string Call = "POST /compute/v2.1/p/servers";

    [Theory]
    [InlineData("nova/errors/quota-exceeded-instances-403.json", 403, typeof(QuotaExceededException), "instances")]
    [InlineData("nova/errors/quota-exceeded-cores-403.json", 403, typeof(QuotaExceededException), "cores")]
    [InlineData("cinder/errors/quota-exceeded-gigabytes-413.json", 413, typeof(QuotaExceededException), "gigabytes")]
    [InlineData("cinder/errors/quota-exceeded-volumes-413.json", 413, typeof(QuotaExceededException), "volumes")]
    [InlineData("nova/errors/item-not-found-instance-404.json", 404, typeof(NotFoundException), null)]
    [InlineData("cinder/errors/item-not-found-volume-404.json", 404, typeof(NotFoundException), null)]
    [InlineData("nova/errors/conflicting-request-networks-409.json", 409, typeof(ConflictException), null)]
    [InlineData("nova/errors/conflicting-request-invalid-state-409.json", 409, typeof(ConflictException), null)]
    [InlineData("nova/errors/bad-request-flavor-400.json", 400, typeof(BadRequestException), null)]
    [InlineData("cinder/errors/bad-request-delete-in-use-400.json", 400, typeof(BadRequestException), null)]
    [InlineData("keystone/errors/authv3_authorizationerror.json", 401, typeof(UnauthorizedException), null)]
    public void Error_sample_must_classify_with_the_clouds_message(string file, int status, Type expected, string? resource)
    {
        var body = Fixtures.Text(file);
        var error = ErrorClassifier.Classify(Call, status, body, "req-1", null);
        Assert.IsType(expected, error);
        Assert.Equal(status, error.Status);
        Assert.Equal(Call, error.Call);
        Assert.Equal("req-1", error.RequestId);
        using var doc = Fixtures.Document(file);
        var message = doc.RootElement.EnumerateObject().First().Value.GetProperty("message").GetString();
        Assert.Equal(message, error.CloudMessage);
        Assert.Contains(message!, error.Message);
        if (resource is not null) Assert.Equal(resource, ((QuotaExceededException)error).Resource);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Cinder_quota_error_must_not_be_mistaken_for_a_rate_limit_despite_its_retryAfter()
    {
        var error = ErrorClassifier.Classify(Call, 413, Fixtures.Text("cinder/errors/quota-exceeded-volumes-413.json"), null, TimeSpan.Zero);
        Assert.IsType<QuotaExceededException>(error);
    }

    [Theory]
    [InlineData(429, """{"overLimit": {"code": 429, "message": "This request was rate-limited.", "retryAfter": "7"}}""", 7)]
    [InlineData(413, """{"overLimit": {"code": 413, "message": "This request was rate-limited.", "retryAfter": "3"}}""", 3)]
    public void Rate_limit_without_a_quota_message_must_be_RateLimited_with_the_bodys_retry_after(int status, string body, int seconds)
    {
        var error = Assert.IsType<RateLimitedException>(ErrorClassifier.Classify(Call, status, body, null, null));
        Assert.Equal(TimeSpan.FromSeconds(seconds), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(500, typeof(ServerFaultException))]
    [InlineData(503, typeof(ServerFaultException))]
    [InlineData(405, typeof(BadRequestException))]
    [InlineData(403, typeof(BadRequestException))]
    public void Other_statuses_must_map_by_class(int status, Type expected) =>
        Assert.IsType(expected, ErrorClassifier.Classify(Call, status, "<html>proxy error</html>", null, null));

    [Fact]
    public void A_body_that_is_not_json_must_be_kept_as_text_and_an_empty_one_must_name_the_status()
    {
        Assert.Equal("<html>proxy error</html>", ErrorClassifier.Classify(Call, 502, "<html>proxy error</html>", null, null).CloudMessage);
        Assert.Equal("HTTP 502", ErrorClassifier.Classify(Call, 502, "", null, null).CloudMessage);
    }

    [Fact]
    public void Designate_flat_error_body_must_yield_its_message()
    {
        var error = ErrorClassifier.Classify("GET /v2/zones/x", 404, """{"code": 404, "type": "zone_not_found", "message": "Could not find Zone", "request_id": "req-2"}""", "req-2", null);
        Assert.Equal("Could not find Zone", Assert.IsType<NotFoundException>(error).CloudMessage);
    }

    [Fact]
    public void Retry_after_must_accept_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(120), ErrorClassifier.ParseRetryAfter("120", now));
        Assert.Equal(TimeSpan.FromSeconds(30), ErrorClassifier.ParseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now));
        Assert.Equal(TimeSpan.Zero, ErrorClassifier.ParseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now));
        Assert.Null(ErrorClassifier.ParseRetryAfter("soon", now));
    }

    [Fact]
    public void No_valid_host_must_be_recognised_in_a_fault_message() =>
        Assert.True(ErrorClassifier.IsNoValidHost("No valid host was found. There are not enough hosts available."));

    [Property]
    public Property Any_nova_quota_message_must_name_its_resource() =>
        Prop.ForAll(Gen.Elements("instances", "cores", "ram", "server_groups").ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(),
            (resource, used) =>
            {
                var body = "{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for " + resource + ": Requested 1, but already used " + used + " of " + used + " " + resource + "\"}}";
                return ErrorClassifier.Classify(Call, 403, body, null, null) is QuotaExceededException q && q.Resource == resource;
            });
}
