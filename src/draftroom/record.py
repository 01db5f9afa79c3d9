"""Plain data classes as `dataclasses` makes them, without loading `dataclasses` on a command's path.

`@record` (or `@record(frozen=True, order=True)`) gives a class of annotated fields an `__init__`
taking them in order (defaults, and `field(default_factory=list)`), equality and a repr field by field,
`__match_args__`; frozen: no assignment after `__init__` and a hash; order: `<` and the rest by the
fields in turn. `replace`, `asdict` and `names` are dataclasses' `replace`, `asdict` and the names of
`fields` (and hand a dataclass to `dataclasses`).

Why: `dataclasses` imports `inspect` (and with it `ast`, `dis`, `tokenize`), and compiles three to nine
functions for each class it makes; a command builds twenty to thirty classes, which cost it more than
its own work. Here one `__init__` is compiled per class, when its first instance is made; the other
methods are shared.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

TYPE_CHECKING = False  # typing stays unloaded: its names are for annotations only
if TYPE_CHECKING:
    from typing import Any, TypeVar, dataclass_transform, overload

    T = TypeVar("T")
_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    """An assignment to a field of a frozen record."""


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], Any]) -> Any:
    """A field whose default is made anew for each instance: `items: list[str] = field(default_factory=list)`."""
    return _Factory(default_factory)


def _record(
    cls: type[T] | None = None, /, *, frozen: bool = False, order: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    def make(c: type[T]) -> type[T]:
        return _make(c, frozen, order)

    return make if cls is None else make(cls)


if TYPE_CHECKING:  # what mypy knows of `record`: it makes classes as dataclasses does

    @overload
    def record(cls: type[T], /) -> type[T]: ...

    @overload
    def record(*, frozen: bool = False, order: bool = False) -> Callable[[type[T]], type[T]]: ...

    @dataclass_transform(field_specifiers=(field,))
    def record(
        cls: type[T] | None = None, /, *, frozen: bool = False, order: bool = False
    ) -> type[T] | Callable[[type[T]], type[T]]:
        return _record(cls, frozen=frozen, order=order)

else:
    record = _record


def _make(cls: type[T], frozen: bool, order: bool) -> type[T]:
    if any(hasattr(base, "__record_fields__") for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a record does not inherit another record's fields")
    own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 (the class's own; inspect stays unloaded)
    names = tuple(own)
    params, body, scope = [], [], {"_MISSING": _MISSING, "_set": object.__setattr__}
    for name in names:
        default = cls.__dict__.get(name, _MISSING)
        if isinstance(default, _Factory):
            scope[f"_make_{name}"] = default.make
            params.append(f"{name}=_MISSING")
            value = f"_make_{name}() if {name} is _MISSING else {name}"
            delattr(cls, name)
        elif default is not _MISSING:
            scope[f"_default_{name}"] = default
            params.append(f"{name}=_default_{name}")
            value = name
        else:
            if params and "=" in params[-1]:
                raise TypeError(f"{cls.__qualname__}: field {name!r} without a default follows one with")
            params.append(name)
            value = name
        body.append(f"  _set(self, {name!r}, {value})" if frozen else f"  self.{name} = {value}")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "  pass") + "\n"

    def first(self: Any, *args: Any, **kwargs: Any) -> None:
        """The class's own __init__, compiled when the first instance is made (a command makes only
        some of the classes it loads), then called."""
        exec(source, scope)
        init = scope["__init__"]
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        setattr(cls, "__init__", init)  # noqa: B010 (a method, once compiled)
        init(self, *args, **kwargs)

    values = _values(names)
    methods: dict[str, Any] = {
        "__init__": first,
        "__repr__": _repr,
        "__eq__": _eq,
        "__match_args__": names,
        "__record_fields__": names,
        "__record_values__": staticmethod(values),
    }
    # as dataclasses: frozen ones hash by their fields, others not at all (they are mutable)
    methods |= {"__setattr__": _frozen_set, "__delattr__": _frozen_del, "__hash__": _hash} if frozen else {}
    methods |= {"__lt__": _lt, "__le__": _le, "__gt__": _gt, "__ge__": _ge} if order else {}
    for name, method in methods.items():
        if name not in cls.__dict__:  # what the class defines itself it keeps
            setattr(cls, name, method)
    if not frozen and "__hash__" not in cls.__dict__:
        cls.__hash__ = None  # type: ignore[assignment]
    return cls


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names) if names else lambda obj: ()


def _repr(self: Any) -> str:
    shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_fields__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> bool:
    values = self.__record_values__
    if other.__class__ is not self.__class__:
        return NotImplemented
    return bool(values(self) == values(other))


def _hash(self: Any) -> int:
    return hash(self.__record_values__(self))


def _frozen_set(self: Any, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_del(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _compare(op: str) -> Callable[[Any, object], bool]:
    def compare(self: Any, other: object) -> bool:
        values = self.__record_values__
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(getattr(values(self), op)(values(other)))

    return compare


_lt, _le, _gt, _ge = (_compare(op) for op in ("__lt__", "__le__", "__gt__", "__ge__"))


def names(obj: object) -> tuple[str, ...]:
    """The fields' names of a record (or of a dataclass), class or instance, in order."""
    kind = obj if isinstance(obj, type) else type(obj)
    if hasattr(kind, "__record_fields__"):
        return tuple(kind.__record_fields__)
    import dataclasses

    return tuple(f.name for f in dataclasses.fields(kind))


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record (or dataclass) with `changes`, made by its `__init__`."""
    if not hasattr(type(obj), "__record_fields__"):
        import dataclasses

        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    given = {n: getattr(obj, n) for n in type(obj).__record_fields__}  # type: ignore[attr-defined]
    return type(obj)(**(given | changes))


def asdict(obj: object) -> dict[str, Any]:
    """The record's fields as a dict, records, lists, tuples and dicts inside it too (a dataclass:
    `dataclasses.asdict`)."""
    if not hasattr(type(obj), "__record_fields__"):
        import dataclasses

        return dataclasses.asdict(obj)  # type: ignore[call-overload]
    return {n: _plain(getattr(obj, n)) for n in type(obj).__record_fields__}  # type: ignore[attr-defined]


def _plain(value: Any) -> Any:
    if hasattr(type(value), "__record_fields__"):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value
