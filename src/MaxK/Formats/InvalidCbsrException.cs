namespace MaxK.Formats;

/// <summary>Base class of every CBSR validation failure; each defect has its own subclass.</summary>
public abstract class InvalidCbsrException(string message) : FormatException(message);
