using OpenQA.Selenium.Chrome;

namespace NodeManager.Tests.Page;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (packages <c>chromium</c> and <c>chromium-driver</c>;
/// the build script installs them when missing). Without them the browser test fails and says so: the suite never skips.
/// </summary>
internal static class HeadlessChromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Assert.Fail(
                $"The status page's browser test needs {Browser} and {Driver}: install Debian's `chromium` and `chromium-driver` packages " +
                "(apt-get install chromium chromium-driver), or run the tests through `dotnet cake --target=Test`, which installs them.");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        // --no-sandbox: test machines and containers often run as root, where Chromium's sandbox refuses to start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024",
            "--no-first-run", "--disable-extensions", "--disable-background-networking");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
