namespace NodeManager.OpenStack.Errors;

/// <summary>For calls where 404 is an answer, not an error: a delete of something already gone, a lookup of something absent.</summary>
internal static class NotFoundAs
{
    /// <returns>True when the call succeeded, false when the cloud answered 404.</returns>
    public static async Task<bool> False(Task call)
    {
        try
        {
            await call.ConfigureAwait(false);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <returns>The call's result, or null when the cloud answered 404.</returns>
    public static async Task<T?> Null<T>(Task<T> call) where T : class
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
