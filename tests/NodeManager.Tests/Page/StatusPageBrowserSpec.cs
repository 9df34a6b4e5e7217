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
            // The page redraws the node rows, the districts and the open node's history from the event stream: an element
            // found in one WebDriver call can be gone by the next. So every read of the page finds its elements again and
            // reads them within one condition of the wait, which starts over when they vanish in between.
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));

            wait.Until(b => b.FindElements(By.CssSelector("#live[data-live='open']")).Count > 0);
            var name = wait.Until(b => b.FindElements(By.CssSelector("#nodes tr[data-state='Active']")).FirstOrDefault()?.GetAttribute("data-node"));
            // The row came from the stream, not from the first render: the events list shows node events pushed to the page.
            wait.Until(b => b.FindElements(By.CssSelector("#events li[data-kind='node']")).Count > 0);
            Assert.NotEmpty(browser.FindElements(By.CssSelector("#districts article.district[data-district='district-a'] .meter")));

            wait.Until(b =>
            {
                b.FindElement(By.CssSelector($"#nodes tr[data-node='{name}'] button.node-link")).Click();
                return true;
            });
            wait.Until(b => b.FindElements(By.CssSelector($"#node-detail[data-node='{name}']")).Any(d => d.Displayed));
            var shownName = wait.Until(b => b.FindElement(By.Id("node-detail-name")).Text);
            var states = wait.Until(b =>
            {
                var shown = b.FindElements(By.CssSelector("#node-history tbody tr")).Select(r => r.GetAttribute("data-history-state")).ToList();
                return shown.Contains("Active") ? shown : null;
            });
            // The demo scales in later, so the node may have moved on since the page drew its history: the page must show
            // what the controller had recorded by then, every entry in order, read from the controller afterwards.
            var recorded = DemoNodes.StatesPassed((await demo.Management.GetAsync($"/nodes/{name}")).GetProperty("node")).ToList();

            Assert.Equal(name, shownName);
            Assert.Equal(recorded.Take(states.Count), states);
            Assert.Equal("Requested", states[0]);
            Assert.Contains("Booting", states.TakeWhile(s => s != "Active"));
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
