namespace NodeManager.Hocon;

/// <summary>A date-based amount (Lightbend's <c>getPeriod</c>): years, months and days, kept apart because their lengths vary.</summary>
public readonly record struct ConfigPeriod(int Years, int Months, int Days)
{
    /// <summary>The date <paramref name="start"/> plus this period.</summary>
    public DateOnly AddTo(DateOnly start) => start.AddYears(Years).AddMonths(Months).AddDays(Days);
}
