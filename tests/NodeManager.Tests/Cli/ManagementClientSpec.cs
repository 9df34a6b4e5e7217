using NodeManager.Cli;
using NodeManager.Cli.Endpoint;

namespace NodeManager.Tests.Cli;

public sealed class ManagementClientSpec
{
    [Fact]
    public void A_problem_must_become_its_title_status_and_detail_on_one_line() =>
        Assert.Equal("Conflict (409): node-3 is Booting, not Active.",
            ManagementClient.ProblemLine(409, """{ "title": "Conflict", "status": 409, "detail": "node-3 is Booting,\nnot Active." }""", "POST /nodes/node-3/drain"));

    [Fact]
    public void An_answer_that_is_no_problem_must_be_named_by_the_request_and_its_status() =>
        Assert.Equal("POST /nodes/node-3/drain answered 502 Bad Gateway",
            ManagementClient.ProblemLine(502, "<html>proxy error</html>", "POST /nodes/node-3/drain"));

    [Fact]
    public void A_body_of_another_shape_must_be_exit_1_naming_what_was_expected()
    {
        var error = Assert.Throws<EndpointException>(() => new EndpointAnswer(200, """{ "version": 1, "districts": 7 }""").Read<DistrictListBody>("a district list"));

        Assert.Equal(ExitCodes.Failure, error.ExitCode);
        Assert.StartsWith("the endpoint's answer is not a district list as this nodemgr reads it:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_must_blank_the_token_wherever_it_appears()
    {
        using var client = new ManagementClient(new Uri("http://127.0.0.1:1/"), "tok-0123456789abcdef");

        Assert.Equal("a [redacted] b [redacted]", client.Redact("a tok-0123456789abcdef b tok-0123456789abcdef"));
    }
}
