// placeholder so the project builds
