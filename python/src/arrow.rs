//! Record batches across the Arrow C Data Interface, through the PyCapsule protocol
//! (`__arrow_c_array__`, pyarrow 14 and later): no copy of the columns, no Python object
//! per row. The only `unsafe` of the crate is here.

#![allow(unsafe_code)]

use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::DataType;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyCapsuleMethods};

/// A `pyarrow.RecordBatch` (or any object exporting `__arrow_c_array__` with a struct
/// type) as an arrow-rs batch.
pub fn import_batch(obj: &Bound<'_, PyAny>) -> PyResult<RecordBatch> {
    if !obj.hasattr("__arrow_c_array__")? {
        return Err(PyTypeError::new_err(
            "expected a pyarrow.RecordBatch (an object with __arrow_c_array__)",
        ));
    }
    let pair = obj.call_method0("__arrow_c_array__")?;
    let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) = pair.extract()?;
    let schema_ptr = schema
        .pointer_checked(Some(c"arrow_schema"))?
        .cast::<FFI_ArrowSchema>();
    let array_ptr = array
        .pointer_checked(Some(c"arrow_array"))?
        .cast::<FFI_ArrowArray>();
    // SAFETY: by the Arrow PyCapsule interface, the capsules hold valid, initialised
    // `ArrowSchema` and `ArrowArray` structs. The array is moved out (`from_raw` leaves a
    // released struct behind, which the capsule's destructor then skips); the schema is
    // only borrowed, while `schema` keeps its capsule alive.
    let data = unsafe {
        let array = FFI_ArrowArray::from_raw(array_ptr.as_ptr());
        from_ffi(array, schema_ptr.as_ref())
    }
    .map_err(|e| PyValueError::new_err(format!("cannot import the Arrow batch: {e}")))?;
    if !matches!(data.data_type(), DataType::Struct(_)) {
        return Err(PyTypeError::new_err(format!(
            "expected a record batch (a struct array), got an array of {}",
            data.data_type()
        )));
    }
    Ok(RecordBatch::from(StructArray::from(data)))
}

/// An arrow-rs batch as a `pyarrow.RecordBatch`.
pub fn export_batch(py: Python<'_>, batch: RecordBatch) -> PyResult<Bound<'_, PyAny>> {
    let data = StructArray::from(batch).into_data();
    let (array, schema) = to_ffi(&data)
        .map_err(|e| PyValueError::new_err(format!("cannot export the Arrow batch: {e}")))?;
    // Dropping a capsule drops its struct, which releases the data unless pyarrow has
    // moved it out (then its release callback is null).
    let schema = PyCapsule::new_with_value(py, schema, c"arrow_schema")?;
    let array = PyCapsule::new_with_value(py, array, c"arrow_array")?;
    py.import("pyarrow")?
        .getattr("RecordBatch")?
        .call_method1("_import_from_c_capsule", (schema, array))
}

/// A string or binary column, read as bytes.
pub struct BytesColumn<'a> {
    array: &'a ArrayRef,
}

impl<'a> BytesColumn<'a> {
    pub fn new(name: &str, array: &'a ArrayRef) -> PyResult<Self> {
        match array.data_type() {
            DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Utf8View
            | DataType::Binary
            | DataType::LargeBinary
            | DataType::BinaryView
            | DataType::Null => Ok(BytesColumn { array }),
            other => Err(PyTypeError::new_err(format!(
                "column \"{name}\" must be a string or binary column, not {other}"
            ))),
        }
    }

    /// Row `i`, `None` when null.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let a = self.array;
        if a.is_null(i) || matches!(a.data_type(), DataType::Null) {
            return None;
        }
        Some(match a.data_type() {
            DataType::Utf8 => a.as_string::<i32>().value(i).as_bytes(),
            DataType::LargeUtf8 => a.as_string::<i64>().value(i).as_bytes(),
            DataType::Utf8View => a.as_string_view().value(i).as_bytes(),
            DataType::Binary => a.as_binary::<i32>().value(i),
            DataType::LargeBinary => a.as_binary::<i64>().value(i),
            DataType::BinaryView => a.as_binary_view().value(i),
            _ => return None,
        })
    }

    /// Row `i` as text (lossy for a binary column), `None` when null.
    pub fn text(&self, i: usize) -> Option<String> {
        self.get(i).map(|b| String::from_utf8_lossy(b).into_owned())
    }
}
