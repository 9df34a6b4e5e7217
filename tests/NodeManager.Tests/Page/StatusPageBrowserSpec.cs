using NodeManager.Tests.Cli;
using NodeManager.Tests.EndToEnd;
using NodeManager.Tests.Hosting;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace NodeManager.Tests.Page;

/// <summary>
/// The status page in a real browser against a running controller (demo.conf on its in-process simulators): it goes
/// live on the event stream, shows a node becoming Active without a reload, and shows that node's history on a click.
/// </summary>
[Collection(ProcessLogCollection.Name)]
public sealed class StatusPageBrowserSpec : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);
    private readonly TempConfigFiles _files = new();

    [Fact]
    public async Task The_page_must_show_a_node_becoming_active_live_and_its_history_on_a_click()
    {
        await using var demo = await DemoRun.StartAsync(DemoRun.Configs(_files));
        using var browser = HeadlessChromium.Start();
        var screenshot = Path.Combine(TestResultsFolder.For("status-page"), "status-page.png");
        try
        {
            browser.Navigate().GoToUrl(demo.BaseAddress);
            var wait = new WebDriverWait(browser, Limit) { PollingInterval = TimeSpan.FromMilliseconds(200) };
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));

            wait.Until(b => b.FindElements(By.CssSelector("#live[data-live='open']")).Count > 0);
            var active = wait.Until(b => b.FindElements(By.CssSelector("#nodes tr[data-state='Active']")).FirstOrDefault());
            var name = active!.GetAttribute("data-node")!;
            // The row came from the stream, not from the first render: the events list shows node events pushed to the page.
            wait.Until(b => b.FindElements(By.CssSelector("#events li[data-kind='node']")).Count > 0);
            Assert.NotEmpty(browser.FindElements(By.CssSelector("#districts article.district[data-district='district-a'] .meter")));

            wait.Until(b =>
            {
                b.FindElement(By.CssSelector($"#nodes tr[data-node='{name}'] button.node-link")).Click();
                return true;
            });
            var detail = wait.Until(b => b.FindElements(By.CssSelector($"#node-detail[data-node='{name}']")).FirstOrDefault(d => d.Displayed));
            wait.Until(b => b.FindElements(By.CssSelector("#node-history tr[data-history-state='Active']")).Count > 0);

            Assert.Equal(name, browser.FindElement(By.Id("node-detail-name")).Text);
            var states = browser.FindElements(By.CssSelector("#node-history tbody tr")).Select(r => r.GetAttribute("data-history-state")).ToList();
            Assert.Equal("Requested", states[0]);
            Assert.Contains("Booting", states);
            Assert.Equal("Active", states[^1]);
            Assert.NotNull(detail);
        }
        finally
        {
            ((ITakesScreenshot)browser).GetScreenshot().SaveAsFile(screenshot);
            browser.Quit();
        }

        Assert.True(new FileInfo(screenshot).Length > 0, $"no screenshot at {screenshot}");
        await demo.StopAsync();
    }

    public void Dispose() => _files.Dispose();
}
