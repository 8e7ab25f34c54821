def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
def (:
  import os)
  ]] lambda ** if else (
class ::
