//! The file format: envelope, versions and migrations, lenient import with precise errors, CSV.
