namespace NodeManager.Actors;

/// <summary>Marks messages whose dead letters are routine (e.g. <see cref="Terminated"/>) and are not logged.</summary>
public interface IDeadLetterSuppression;
