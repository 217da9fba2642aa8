// The harness drives CUDA, cuSPARSE and libtorch on Linux hosts only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
